using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.State;

/// <summary>
/// What a <see cref="BotState"/> stores under its key: the named properties at the top level (as Bot Builder does)
/// plus an <c>eTag</c>. Being an <see cref="IStoreItem"/> makes every save an optimistic-concurrency check.
/// </summary>
public sealed class BotStateDocument : IStoreItem
{
    public string? ETag { get; set; }

    /// <summary>The named properties; after a read their values are <see cref="System.Text.Json.JsonElement"/> until first typed access.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);
}
