namespace PrescreenBot.Bot.State;

/// <summary>The ETag values with a meaning of their own in <see cref="IStorage.WriteAsync"/>.</summary>
public static class StoreItemETags
{
    /// <summary>Write whatever is stored: last write wins (Bot Builder's <c>"*"</c>; null means the same).</summary>
    public const string Any = "*";

    /// <summary>
    /// Write only if nothing is stored under the key yet (HTTP's <c>If-None-Match: *</c>). A new <see cref="BotState"/>
    /// document carries it, so two instances starting the same conversation at once cannot both win and lose an answer.
    /// </summary>
    public const string New = "";
}
