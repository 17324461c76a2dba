using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Safety;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.Welcome;

namespace PrescreenBot.Conversation;

/// <summary>
/// The pre-screen bot for any channel: the welcome on <c>conversationUpdate</c> (so Web Chat greets without typing), the
/// <c>prescreen/start</c> event for single-trial screens, safety checks on every message, resuming after a break, and the
/// <see cref="PrescreenDialog"/> for everything else. State is saved once, at the end of each turn.
/// </summary>
public sealed class PrescreenBotHandler : ActivityHandler
{
    private readonly ConversationState conversationState;
    private readonly UserState userState;
    private readonly BotStateSet states;
    private readonly IStatePropertyAccessor<PrescreenSession> sessions;
    private readonly IStatePropertyAccessor<DialogState> dialogState;
    private readonly IStatePropertyAccessor<PrescreenProfile> profiles;
    private readonly DialogSet dialogs;
    private readonly PrescreenFlow flow;
    private readonly TextCatalog texts;
    private readonly TimeProvider timeProvider;
    private readonly PrescreenOptions options;
    private readonly TrialCatalog catalog;
    private readonly ILogger logger;

    public PrescreenBotHandler(
        ConversationState conversationState,
        UserState userState,
        TrialCatalog catalog,
        ISiteDirectory sites,
        IReferralService referrals,
        TimeProvider timeProvider,
        PrescreenOptions options,
        ILogger<PrescreenBotHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(userState);
        ArgumentNullException.ThrowIfNull(catalog);
        this.conversationState = conversationState;
        this.userState = userState;
        states = new BotStateSet(conversationState, userState);
        this.catalog = catalog;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.options = options ?? new PrescreenOptions();
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        texts = TextCatalog.Embedded;
        sessions = conversationState.CreateProperty<PrescreenSession>(SessionProperty);
        dialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty);
        profiles = userState.CreateProperty<PrescreenProfile>(ProfileProperty);
        flow = new PrescreenFlow(new FlowServices
        {
            Texts = texts,
            Engine = new ScreeningEngine(catalog, this.timeProvider),
            Sites = sites ?? throw new ArgumentNullException(nameof(sites)),
            Referrals = referrals ?? throw new ArgumentNullException(nameof(referrals)),
            Time = this.timeProvider,
            Options = this.options,
            Logger = this.logger,
        });
        dialogs = new DialogSet(dialogState).Add(new PrescreenDialog(flow, sessions, texts, this.timeProvider));
    }

    /// <summary>Conversation-state property holding the <see cref="PrescreenSession"/>.</summary>
    public const string SessionProperty = "PrescreenSession";

    /// <summary>Conversation-state property holding the dialog stack.</summary>
    public const string DialogStateProperty = "DialogState";

    /// <summary>User-state property holding the chosen language across conversations.</summary>
    public const string ProfileProperty = "PrescreenProfile";

    /// <summary>The simplest way to a working bot: state in <paramref name="storage"/>, the trials of <paramref name="catalog"/>.</summary>
    public static PrescreenBotHandler Create(
        IStorage storage,
        TrialCatalog catalog,
        ISiteDirectory sites,
        IReferralService referrals,
        PrescreenOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<PrescreenBotHandler>? logger = null) =>
        new(new ConversationState(storage), new UserState(storage), catalog, sites, referrals, timeProvider ?? TimeProvider.System,
            options ?? new PrescreenOptions(), logger);

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // Both states in one storage read and one write (a no-op when the host already loaded them).
        await states.LoadAllAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await states.SaveAllChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var session = await BeginTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (catalog.IsEmpty)
        {
            await SayUnavailableOnceAsync(turnContext, session, cancellationToken).ConfigureAwait(false);
            return;
        }

        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is null && session.WelcomeLocale is null)
        {
            await dc.BeginDialogAsync(PrescreenDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != PrescreenEvents.Start)
        {
            return;
        }

        var session = await BeginTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var request = StartRequest.Read(turnContext.Activity.Value);
        if (Locales.TryNormalize(request.Locale) is { } chosen)
        {
            session.Locale = chosen;
            session.LocaleChosen = true;
            await RememberLocaleAsync(turnContext, chosen, cancellationToken).ConfigureAwait(false);
        }

        if (catalog.IsEmpty)
        {
            await SayUnavailableOnceAsync(turnContext, session, cancellationToken).ConfigureAwait(false);
            return;
        }

        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var outbox = new Outbox();
        var keepWaitingQuestion = flow.Start.Apply(session, request, dc.ActiveDialog is not null, flow.Asks(session), outbox, turnContext.Activity.ChannelId);
        logger.LogInformation("Pre-screen start event for trial {TrialId}", session.ProposedTrialId ?? session.TrialId ?? "(all)");
        await outbox.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!keepWaitingQuestion)
        {
            await PrescreenDialog.RestartAsync(dc, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var session = await BeginTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var cameBack = session.LastSeenAt is { } last && now - last > options.ResumeAfter;
        session.LastSeenAt = now;

        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var outbox = new Outbox();
        var locale = session.Locale ?? Locales.Default;
        var concern = SafetyClassifier.Classify(turnContext.Activity.Text);
        if (flow.Safety.Respond(concern, session, locale, outbox))
        {
            // The kind of concern is health information about this patient: only the fact that a safety message went out is logged.
            logger.LogInformation("Safety response given");
            await outbox.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (dc.ActiveDialog is not null)
            {
                await PrescreenDialog.RestartAsync(dc, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (catalog.IsEmpty)
        {
            // Screening against nothing would end in "none of the studies fits": say plainly that none is available.
            logger.LogWarning("Pre-screen unavailable: no trial question sets are loaded");
            outbox.Say(texts.Get(locale, "catalog.empty"), locale);
            await outbox.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (dc.ActiveDialog is null)
        {
            await StartAgainAsync(turnContext, session, dc, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (cameBack)
        {
            outbox.Say(texts.Get(locale, "resume.welcomeBack"), locale);
            await outbox.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await PrescreenDialog.RestartAsync(dc, cancellationToken).ConfigureAwait(false);
            return;
        }

        await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (session.LocaleChosen && session.Locale is { } chosen)
        {
            // A language typed mid-conversation ("中文") is kept for this user's next conversation too.
            await RememberLocaleAsync(turnContext, chosen, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No conversation running: a new patient, one who finished, or one who stopped, declined or deleted their data.</summary>
    private async Task StartAgainAsync(ITurnContext turnContext, PrescreenSession session, DialogContext dc, CancellationToken cancellationToken)
    {
        var locale = session.Locale ?? Locales.Default;
        if (session.Finished)
        {
            await AfterTheEndAsync(turnContext, session, dc, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Stopped || session.Declined)
        {
            switch (ConversationCommands.Recognize(turnContext.Activity.Text, locale, texts))
            {
                case ConversationCommand.Start or ConversationCommand.StartOver:
                    session.RestartScreening(keepConsent: !session.Declined);
                    break;
                case ConversationCommand.DeleteData:
                    session.Stopped = false;
                    session.Declined = false;
                    session.DeleteRequested = true;
                    break;
                default:
                    await turnContext.SendActivityAsync(MessageFactory.Text(texts.Get(locale, "interrupt.notStarted")), cancellationToken).ConfigureAwait(false);
                    return;
            }
        }

        await dc.BeginDialogAsync(PrescreenDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A message after the end: "start over", "back", "delete my data" and a language switch still work; anything else (a greeting
    /// too) lets the dialog arrive at the end again, where it says the short finished notice (not the closing message again).
    /// </summary>
    private async Task AfterTheEndAsync(ITurnContext turnContext, PrescreenSession session, DialogContext dc, CancellationToken cancellationToken)
    {
        var outbox = new Outbox();
        switch (ConversationCommands.Recognize(turnContext.Activity.Text, session.Locale ?? Locales.Default, texts))
        {
            // Only "start over" (the notice's own words): "start" also means "hello", which must not silently begin a second check.
            case ConversationCommand.StartOver:
                flow.StartOver(session, outbox);
                break;
            case ConversationCommand.Back:
                flow.Back(session, outbox);
                break;
            case ConversationCommand.DeleteData:
                session.DeleteRequested = true;
                break;
            case ConversationCommand.SwitchToEnglish:
                await ChooseLocaleAsync(turnContext, session, Locales.English, cancellationToken).ConfigureAwait(false);
                break;
            case ConversationCommand.SwitchToChinese:
                await ChooseLocaleAsync(turnContext, session, Locales.SimplifiedChinese, cancellationToken).ConfigureAwait(false);
                break;
        }

        await outbox.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(PrescreenDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ChooseLocaleAsync(ITurnContext turnContext, PrescreenSession session, string locale, CancellationToken cancellationToken)
    {
        session.Locale = locale;
        session.LocaleChosen = true;
        await RememberLocaleAsync(turnContext, locale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On joining or a start event with no trials loaded: the notice once, so Web Chat's greeting and start event do not say it twice.</summary>
    private async Task SayUnavailableOnceAsync(ITurnContext turnContext, PrescreenSession session, CancellationToken cancellationToken)
    {
        logger.LogWarning("Pre-screen unavailable: no trial question sets are loaded");
        if (session.UnavailableNoticeShown)
        {
            return;
        }

        session.UnavailableNoticeShown = true;
        var locale = session.Locale ?? Locales.Default;
        var outbox = new Outbox();
        outbox.Say(texts.Get(locale, "catalog.empty"), locale);
        await outbox.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads the session and settles the language: the patient's choice, else their profile's, else the channel's.</summary>
    private async Task<PrescreenSession> BeginTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var session = (await sessions.GetAsync(turnContext, () => new PrescreenSession(), cancellationToken).ConfigureAwait(false))!;
        if (!session.LocaleChosen)
        {
            var profile = await profiles.GetAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
            var preferred = Locales.TryNormalize(profile?.Locale);
            session.Locale = preferred ?? Locales.TryNormalize(turnContext.Activity.Locale) ?? session.Locale ?? Locales.Default;
            session.LocaleChosen = preferred is not null;
        }

        return session;
    }

    private async Task RememberLocaleAsync(ITurnContext turnContext, string locale, CancellationToken cancellationToken) =>
        await profiles.SetAsync(turnContext, new PrescreenProfile { Locale = locale }, cancellationToken).ConfigureAwait(false);
}
