using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>The dialog stack of one conversation in one turn, and the operations on it (Bot Builder's <c>DialogContext</c>).</summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        ArgumentNullException.ThrowIfNull(state);
        Stack = state.DialogStack;
    }

    /// <summary>A context sharing <paramref name="source"/>'s stack (used by <see cref="WaterfallStepContext"/>).</summary>
    protected DialogContext(DialogContext source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Dialogs = source.Dialogs;
        Context = source.Context;
        Stack = source.Stack;
        Parent = source.Parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack; index 0 is the active dialog.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the enclosing component's stack, if any; dialogs are also looked up there.</summary>
    public DialogContext? Parent { get; set; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The dialog with <paramref name="dialogId"/> in this set or an enclosing one.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes the dialog and starts it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Cannot begin dialog '{dialogId}': it is not in the dialog set or any parent set.");
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a prompt.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Passes the incoming activity to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialog(instance.Id)
            ?? throw new InvalidOperationException($"Cannot continue dialog '{instance.Id}': it is not in the dialog set. Was it renamed while conversations were open?");
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>, or completes.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not null)
        {
            await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        }

        if (ActiveDialog is { } parent)
        {
            var dialog = FindDialog(parent.Id)
                ?? throw new InvalidOperationException($"Cannot resume dialog '{parent.Id}': it is not in the dialog set.");
            return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts another in its place (its parent is not resumed).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not null)
        {
            await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        }

        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels every dialog on this stack: <see cref="DialogTurnStatus.Cancelled"/>, or <see cref="DialogTurnStatus.Empty"/> if none.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to ask its question again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } instance && FindDialog(instance.Id) is { } dialog)
        {
            await dialog.RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when some dialog on the stack (nearest first) has an earlier question to go back to.</summary>
    public bool CanStepBack()
    {
        foreach (var instance in Stack)
        {
            if (FindDialog(instance.Id) is IStepBackDialog stepBack && stepBack.CanStepBack(Context, instance))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Back": the nearest dialog on the stack that can step back does so; the dialogs above it (the open prompt)
    /// are cancelled. Null when nothing on the stack can go back (e.g. at the first question).
    /// </summary>
    public async Task<DialogTurnResult?> StepBackAsync(CancellationToken cancellationToken = default)
    {
        for (var depth = 0; depth < Stack.Count; depth++)
        {
            var instance = Stack[depth];
            if (FindDialog(instance.Id) is IStepBackDialog stepBack && stepBack.CanStepBack(Context, instance))
            {
                for (var i = 0; i < depth; i++)
                {
                    await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
                }

                return await stepBack.StepBackAsync(this, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = Stack[0];
        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        Stack.Remove(instance);
    }
}
