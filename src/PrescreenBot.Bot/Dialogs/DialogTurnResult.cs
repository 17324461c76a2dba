namespace PrescreenBot.Bot.Dialogs;

/// <summary>The outcome of a dialog call: status and, when complete, the result value.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>True when the outermost dialog ended in this turn.</summary>
    public bool ParentEnded { get; init; }
}
