using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs.Interruptions;

/// <summary>
/// A <see cref="ComponentDialog"/> that lets the user say, at any question, <b>help</b>, <b>start over</b>, <b>back</b>
/// (change the previous answer) or <b>stop</b> — in the message's language, English always understood too — like Bot
/// Builder's <c>CancelAndHelpDialog</c>. Only a message that is nothing but the command counts, so answers are never
/// mistaken for commands. Override <see cref="GetTexts"/> to localize and the <c>On…Async</c> methods to change behaviour.
/// <list type="bullet">
/// <item>help: says <see cref="InterruptionTexts.Help"/> and asks the current question again.</item>
/// <item>start over: cancels the inner dialogs and begins <see cref="ComponentDialog.InitialDialogId"/> again (without options).</item>
/// <item>back: the nearest waterfall re-asks its previous question (<see cref="DialogContext.StepBackAsync"/>); at the first question it says so.</item>
/// <item>stop: says goodbye and cancels this dialog and everything on its stack (<see cref="DialogTurnStatus.Cancelled"/>).</item>
/// </list>
/// </summary>
public class InterruptibleDialog : ComponentDialog
{
    public InterruptibleDialog(string dialogId, InterruptionTexts? texts = null)
        : base(dialogId) => Texts = texts ?? InterruptionTexts.English;

    public InterruptionTexts Texts { get; init; }

    /// <summary>The texts for this turn's user; override to pick them by <c>Activity.Locale</c>.</summary>
    protected virtual InterruptionTexts GetTexts(ITurnContext turnContext) => Texts;

    /// <summary>The command the incoming message amounts to, if any.</summary>
    protected virtual DialogCommand? RecognizeCommand(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        return activity.IsType(ActivityTypes.Message) && !string.IsNullOrWhiteSpace(activity.Text)
            ? LanguageRecognizers.ForLocale(activity.Locale).RecognizeCommand(activity.Text)
            : null;
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return RecognizeCommand(innerDc.Context) switch
        {
            DialogCommand.Help => await OnHelpAsync(innerDc, cancellationToken).ConfigureAwait(false),
            DialogCommand.StartOver => await OnStartOverAsync(innerDc, cancellationToken).ConfigureAwait(false),
            DialogCommand.Back => await OnBackAsync(innerDc, cancellationToken).ConfigureAwait(false),
            DialogCommand.Stop => await OnStopAsync(innerDc, cancellationToken).ConfigureAwait(false),
            _ => await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false),
        };
    }

    protected virtual async Task<DialogTurnResult> OnHelpAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        await SayAsync(innerDc.Context, GetTexts(innerDc.Context).Help, InputHints.ExpectingInput, cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    protected virtual async Task<DialogTurnResult> OnStartOverAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        await SayAsync(innerDc.Context, GetTexts(innerDc.Context).StartOver, InputHints.IgnoringInput, cancellationToken).ConfigureAwait(false);
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await OnBeginDialogAsync(innerDc, null, cancellationToken).ConfigureAwait(false);
    }

    protected virtual async Task<DialogTurnResult> OnBackAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var texts = GetTexts(innerDc.Context);
        if (!innerDc.CanStepBack())
        {
            await SayAsync(innerDc.Context, texts.NothingToGoBackTo, InputHints.ExpectingInput, cancellationToken).ConfigureAwait(false);
            await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        await SayAsync(innerDc.Context, texts.Back, InputHints.IgnoringInput, cancellationToken).ConfigureAwait(false);
        return await innerDc.StepBackAsync(cancellationToken).ConfigureAwait(false) ?? EndOfTurn;
    }

    protected virtual async Task<DialogTurnResult> OnStopAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        await SayAsync(innerDc.Context, GetTexts(innerDc.Context).Stop, InputHints.AcceptingInput, cancellationToken).ConfigureAwait(false);
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return innerDc.Parent is { } outerDc
            ? await outerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false)
            : new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    private static Task SayAsync(ITurnContext turnContext, string? text, string inputHint, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(text) ? Task.CompletedTask : turnContext.SendActivityAsync(text, inputHint: inputHint, cancellationToken: cancellationToken);
}
