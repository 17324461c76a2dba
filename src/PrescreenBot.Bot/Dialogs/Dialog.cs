using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>
/// A unit of conversation with state that survives between turns, as Bot Builder's <c>Dialog</c>.
/// A dialog object holds no per-conversation data: everything lives in its <see cref="DialogInstance.State"/>.
/// </summary>
public abstract class Dialog
{
    /// <summary>"Wait for the user's next message."</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    public string Id { get; }

    /// <summary>Starts the dialog; its instance is already on top of <paramref name="dc"/>'s stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user sent a message while this dialog was active. Default: end.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A child dialog this dialog started has ended with <paramref name="result"/>. Default: end with that result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Ask again (e.g. after help text).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Called as the instance leaves the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
