namespace PrescreenBot.Bot.Dialogs;

/// <summary>Where the dialog stack stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty: nothing was running.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The dialog completed; see <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,

    /// <summary>Completed, but the caller should wait for the next turn before continuing (Bot Builder parity).</summary>
    CompleteAndWait,
}
