namespace PrescreenBot.Bot.Dialogs;

/// <summary>One entry of the dialog stack: which dialog, and its persisted state.</summary>
public sealed class DialogInstance
{
    public required string Id { get; set; }

    /// <summary>The dialog's own state. After a storage round trip values are JSON; read them with <c>StateValues.Get&lt;T&gt;</c>.</summary>
    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);
}
