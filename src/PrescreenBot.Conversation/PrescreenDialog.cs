using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Session;

namespace PrescreenBot.Conversation;

/// <summary>
/// The pre-screen on the dialogs core: a two-step waterfall loop (ask the next question of <see cref="PrescreenFlow"/>, record
/// the answer, loop) around one <see cref="AskPrompt"/>. Interruptions are handled here, before the prompt sees the message:
/// help, back (change the last answer), start over, stop, "delete my data" and switching language.
/// </summary>
public sealed class PrescreenDialog : ComponentDialog
{
    public const string DialogId = "prescreen";
    private const string LoopId = "prescreen-loop";
    private const string AskPromptId = "prescreen-ask";

    private readonly PrescreenFlow flow;
    private readonly IStatePropertyAccessor<PrescreenSession> sessions;
    private readonly TextCatalog texts;

    public PrescreenDialog(PrescreenFlow flow, IStatePropertyAccessor<PrescreenSession> sessions, TextCatalog texts, TimeProvider timeProvider)
        : base(DialogId)
    {
        this.flow = flow;
        this.sessions = sessions;
        this.texts = texts;
        AddDialog(new WaterfallDialog(LoopId, [AskStepAsync, RecordStepAsync]));
        AddDialog(new AskPrompt(AskPromptId, texts, timeProvider, sessions));
        InitialDialogId = LoopId;
    }

    /// <summary>Asks the current question afresh (after a break, a safety message or a language switch), on a fresh loop.</summary>
    public static async Task<DialogTurnResult> RestartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await dc.BeginDialogAsync(DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var turn = innerDc.Context;
        if (!turn.Activity.IsType(ActivityTypes.Message))
        {
            return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        var session = await SessionAsync(turn, cancellationToken).ConfigureAwait(false);
        var locale = session.Locale ?? Locales.Default;
        var outbox = new Outbox();
        if (session.PendingAsk is { } pending && ChoiceMatcher.IsOptionName(pending.WithWords(texts), turn.Activity.Text))
        {
            // "English" answering "which language should they use?" is an answer, not a request to switch.
            return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        switch (ConversationCommands.Recognize(turn.Activity.Text, locale, texts))
        {
            case ConversationCommand.Help:
                await SendHelpAsync(innerDc, session, locale, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case ConversationCommand.Back:
                flow.Back(session, outbox);
                break;
            case ConversationCommand.StartOver:
                flow.StartOver(session, outbox);
                break;
            case ConversationCommand.Stop:
                flow.Stop(session, flow.Asks(session), outbox);
                await outbox.SendAsync(turn, cancellationToken).ConfigureAwait(false);
                return await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            case ConversationCommand.DeleteData:
                session.DeleteRequested = true;
                break;
            case ConversationCommand.SwitchToEnglish:
                SwitchLocale(session, Locales.English);
                break;
            case ConversationCommand.SwitchToChinese:
                SwitchLocale(session, Locales.SimplifiedChinese);
                break;
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        await outbox.SendAsync(turn, cancellationToken).ConfigureAwait(false);
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await innerDc.BeginDialogAsync(LoopId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var outbox = new Outbox();
        var ask = await flow.NextAsync(step.Context, session, outbox, cancellationToken).ConfigureAwait(false);
        await outbox.SendAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (ask is null)
        {
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (ask.StepId == StepIds.Finished)
        {
            return await EndAsync(step, session, ask, cancellationToken).ConfigureAwait(false);
        }

        session.Finished = false;

        // Kept once, in the session (help and the other interruptions read it there; the prompt's options only name it): not
        // also in the step's values or in full in the prompt's options, as every copy is saved and fingerprinted on every turn.
        session.PendingAsk = ask;
        return await step.PromptAsync(AskPromptId, AskActivities.ToStoredPromptOptions(ask), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(step.Context, cancellationToken).ConfigureAwait(false);
        // Conversations saved before the ask moved out of the step's values still have it there.
        var ask = step.Values.GetOrDefault<Ask>("ask") ?? session.PendingAsk ?? throw new InvalidOperationException("The answered question was not kept.");
        var result = step.Result is PromptNotRecognized ? AskResult.GaveUp : step.GetResult<AskResult>() ?? AskResult.GaveUp;
        var outbox = new Outbox();
        var goOn = await flow.ApplyAsync(step.Context, session, ask, result, outbox, cancellationToken).ConfigureAwait(false);
        await outbox.SendAsync(step.Context, cancellationToken).ConfigureAwait(false);
        return goOn
            ? await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The end of the pre-screen: the closing message once, then the dialog ends. Whatever the patient sends afterwards comes back
    /// here through <see cref="PrescreenBotHandler"/> and gets the short finished notice, never the closing message again.
    /// </summary>
    private async Task<DialogTurnResult> EndAsync(WaterfallStepContext step, PrescreenSession session, Ask closing, CancellationToken cancellationToken)
    {
        var said = session.Finished ? closing with { Text = texts.Get(closing.Locale, "interrupt.finished") } : closing;
        session.Finished = true;
        session.PendingAsk = null;
        await step.Context.SendActivityAsync(AskActivities.Message(said, said.Text, step.Context.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task SendHelpAsync(DialogContext innerDc, PrescreenSession session, string locale, CancellationToken cancellationToken)
    {
        var help = texts.Get(locale, "help.general");
        if (session.PendingAsk is { } ask)
        {
            help += "\n\n" + texts.Get(locale, "help.expected", ("expected", ask.Retry));
        }

        await innerDc.Context.SendActivityAsync(MessageFactory.Text(help, inputHint: InputHints.ExpectingInput), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void SwitchLocale(PrescreenSession session, string locale)
    {
        session.Locale = locale;
        session.LocaleChosen = true;
    }

    private async Task<PrescreenSession> SessionAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        (await sessions.GetAsync(turn, () => new PrescreenSession(), cancellationToken).ConfigureAwait(false))!;
}
