namespace PrescreenBot.Bot.Dialogs;

/// <summary>Why a dialog is being started, resumed or ended.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,

    /// <summary>Not in Bot Builder: a waterfall step runs again because the user went back to change an answer.</summary>
    BackCalled,
}
