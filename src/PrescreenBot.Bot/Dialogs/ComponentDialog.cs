using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>
/// A dialog made of dialogs, with its own inner stack (kept in its instance state), as Bot Builder's
/// <c>ComponentDialog</c>. Override <see cref="OnContinueDialogAsync"/> to handle interruptions before the inner
/// dialogs see a message (see <see cref="Interruptions.InterruptibleDialog"/>).
/// </summary>
public class ComponentDialog : Dialog, IStepBackDialog
{
    internal const string InnerStackKey = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog started when this component begins; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    protected DialogSet Dialogs { get; } = new();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerContext(outerDc, instance);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, instance, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerContext(outerDc, instance);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, instance, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A component's children live on its inner stack, so it is only resumed after an outer interruption: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerContext(turnContext, instance);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            await CreateInnerContext(turnContext, instance).CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    public bool CanStepBack(ITurnContext turnContext, DialogInstance instance) => CreateInnerContext(turnContext, instance).CanStepBack();

    public async Task<DialogTurnResult?> StepBackAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var innerResult = await CreateInnerContext(dc, instance).StepBackAsync(cancellationToken).ConfigureAwait(false);
        return innerResult is null ? null : await AfterInnerTurnAsync(dc, instance, innerResult, cancellationToken).ConfigureAwait(false);
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no dialogs to begin.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>The override point for interruptions: handle the message here, or call base to pass it to the inner dialogs.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends this component with <paramref name="result"/>, resuming whatever started it.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance)
    {
        var innerDc = CreateInnerContext(outerDc.Context, instance);
        innerDc.Parent = outerDc;
        return innerDc;
    }

    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance)
    {
        if (!instance.State.TryGet<DialogState>(InnerStackKey, out var innerState) || innerState is null)
        {
            innerState = new DialogState();
            instance.State[InnerStackKey] = innerState;
        }

        return new DialogContext(Dialogs, turnContext, innerState);
    }

    /// <summary>
    /// Waiting inside → waiting outside. Finished inside → end the component. If the inner code already removed this
    /// component from the outer stack (e.g. "stop" cancelled everything), its result stands as is.
    /// </summary>
    private async Task<DialogTurnResult> AfterInnerTurnAsync(DialogContext outerDc, DialogInstance instance, DialogTurnResult turnResult, CancellationToken cancellationToken)
    {
        if (!outerDc.Stack.Contains(instance))
        {
            return turnResult;
        }

        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }
}
