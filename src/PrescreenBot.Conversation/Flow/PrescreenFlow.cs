using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Handoff;
using PrescreenBot.Conversation.Intake;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Safety;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.Verdicts;
using PrescreenBot.Conversation.Welcome;

namespace PrescreenBot.Conversation.Flow;

/// <summary>
/// The whole pre-screen as a function of the <see cref="PrescreenSession"/>: the next question is whatever is not yet known
/// (welcome and consent → who answers → intake → questions across trials → verdicts → sharing → referral). Because nothing
/// else holds progress, "back", "start over" and resuming after a break are just changes to the session followed by asking again.
/// </summary>
public sealed class PrescreenFlow
{
    /// <summary>
    /// After this many "not sure" answers in a row the patient may stop answering and see the results: the study team checks the
    /// rest anyway, and a long run of "not sure" says the questions are not helping (the field notes' "continue or see results").
    /// </summary>
    public const int NotSureStreakBeforeOffer = 5;

    /// <summary>Steps that settle themselves without a question (a site chosen, a referral sent) may follow each other; never loop forever.</summary>
    private const int MaxSilentSteps = 16;

    private readonly FlowServices services;
    private readonly WelcomeStep welcome;
    private readonly ScreeningAsks screening;
    private readonly SharingStep sharing;
    private readonly ReferralStep referral;
    private readonly SafetyResponses safety;
    private readonly StartEventStep start;
    private readonly DataDeletionStep deletion;

    public PrescreenFlow(FlowServices services)
    {
        this.services = services;
        welcome = new WelcomeStep(services);
        screening = new ScreeningAsks(services);
        sharing = new SharingStep(services);
        referral = new ReferralStep(services);
        safety = new SafetyResponses(services.Texts, services.Options);
        start = new StartEventStep(services.Engine.Catalog);
        deletion = new DataDeletionStep(services);
    }

    public SafetyResponses Safety => safety;

    /// <summary>The <c>prescreen/start</c> event, applied by the bot handler.</summary>
    public StartEventStep Start => start;

    public AskFactory Asks(PrescreenSession session) => new(services.Texts, session.Locale ?? Locales.Default);

    /// <summary>The next question, after whatever must be said first (into <paramref name="outbox"/>); null when the conversation rests.</summary>
    public async Task<Ask?> NextAsync(ITurnContext turn, PrescreenSession session, Outbox outbox, CancellationToken cancellationToken)
    {
        var asks = Asks(session);
        if (session.Stopped || session.Declined)
        {
            return null;
        }

        if (session.DeleteRequested)
        {
            return DataDeletionStep.Confirm(asks);
        }

        if (session.Paused)
        {
            return SafetyResponses.PausedAsk(asks);
        }

        if (start.Next(session, asks) is { } switchAsk)
        {
            return switchAsk;
        }

        if (welcome.Next(session, asks, outbox) is { } welcomeAsk)
        {
            return welcomeAsk;
        }

        for (var i = 0; i < MaxSilentSteps; i++)
        {
            var snapshot = services.Engine.Evaluate(session, ConversationRef.Of(turn));
            var step = services.Engine.Next(session, snapshot);
            if (IntakeStep.Next(session, snapshot, step, asks, outbox) is { } intakeAsk)
            {
                return intakeAsk;
            }

            if (step is not null && session.NotSureStreak >= NotSureStreakBeforeOffer && !session.SkipOffered)
            {
                return asks.YesNo(StepIds.SkipRest, asks.T("screening.offerSkip", ("count", step.AboutTotal - step.Number + 1)), "screening.offerSkip.retry");
            }

            if (step is not null)
            {
                return screening.ToAsk(step, session, asks);
            }

            if (!session.ResultSent)
            {
                if (snapshot.StillPossibleCount == 0 && !session.NoCandidates)
                {
                    outbox.Say(asks.T("screening.stoppedEarly"), asks.Locale);
                }

                VerdictReport.Write(snapshot, session, asks, outbox);
                session.ResultSent = true;
                services.Logger.LogInformation("Verdicts sent for {TrialCount} trials after {QuestionCount} questions",
                    snapshot.Candidates.Count, session.QuestionsAsked);
            }

            if (session.Draft is null)
            {
                return sharing.Next(session, snapshot, asks);
            }

            if (await referral.NextAsync(turn, session, snapshot, asks, outbox, cancellationToken).ConfigureAwait(false) is { } referralAsk)
            {
                return referralAsk;
            }
        }

        throw new InvalidOperationException("The pre-screen flow did not settle on a question.");
    }

    /// <summary>Records an answer; false when the conversation ends with it (consent declined, stopped, data deleted).</summary>
    public async Task<bool> ApplyAsync(ITurnContext turn, PrescreenSession session, Ask ask, AskResult result, Outbox outbox, CancellationToken cancellationToken)
    {
        var asks = Asks(session);
        var id = ask.StepId;
        switch (id)
        {
            case StepIds.DeleteConfirm:
                return await deletion.ApplyAsync(turn, session, result, asks, outbox, cancellationToken).ConfigureAwait(false);
            case StepIds.Paused when result.Choices is [SafetyResponses.StopValue] || result.Kind == AskResultKind.No:
                Stop(session, asks, outbox);
                return false;
            case StepIds.Paused:
                session.Paused = false;
                return true;
            case StepIds.Consent or StepIds.Respondent:
                return welcome.Apply(session, ask, result, asks, outbox);
            case StepIds.Country or StepIds.City:
                IntakeStep.Apply(session, ask, result);
                return true;
            case StepIds.Finished:
                return true;
            case StepIds.SwitchTrial:
                start.ApplySwitch(session, result, asks, outbox);
                return true;
            case StepIds.SkipRest:
                SkipRest(session, result.Kind == AskResultKind.Yes);
                return true;
        }

        if (id.StartsWith(StepIds.KeyPrefix, StringComparison.Ordinal) || id.StartsWith(StepIds.GroupPrefix, StringComparison.Ordinal))
        {
            var step = services.Engine.Next(session, services.Engine.Evaluate(session, ConversationRef.Of(turn)));
            if (step is null || step.StepId != id)
            {
                // The session moved on since the question was asked (another tab, a replayed message): ask afresh.
                return true;
            }

            if (screening.Apply(step, session, result, asks, outbox))
            {
                safety.Respond(SafetyConcern.SelfHarm, session, asks.Locale, outbox);
            }

            return true;
        }

        if (id == StepIds.ShareWhich || id.StartsWith(StepIds.SharePrefix, StringComparison.Ordinal))
        {
            sharing.Apply(session, services.Engine.Evaluate(session, ConversationRef.Of(turn)), ask, result, asks, outbox);
            return true;
        }

        if (session.Draft is not null)
        {
            ReferralStep.Apply(session, ask, result, asks, outbox);
        }

        return true;
    }

    /// <summary>Accepting the offer marks every remaining question "not sure" (never excluding; the study team checks them).</summary>
    private void SkipRest(PrescreenSession session, bool accepted)
    {
        session.SkipOffered = true;
        session.NotSureStreak = 0;
        if (!accepted)
        {
            return;
        }

        var skipped = new List<string>();
        for (var i = 0; i < MaxSilentSteps && services.Engine.Next(session, services.Engine.Evaluate(session)) is { } step; i++)
        {
            foreach (var question in step.Questions)
            {
                session.Answers[question.Key] = PrescreenBot.Trials.Questions.Answer.NotSure;
                skipped.Add(question.Key);
            }
        }

        session.History.Add(new HistoryEntry { StepId = StepIds.SkipRest, Keys = skipped });
    }

    /// <summary>"Back": undoes exactly the last answer, so its question is asked again.</summary>
    public void Back(PrescreenSession session, Outbox outbox)
    {
        var asks = Asks(session);
        if (session.History.Count == 0 || session.Paused || session.DeleteRequested)
        {
            outbox.Say(asks.T("interrupt.backNothing"), asks.Locale);
            return;
        }

        var entry = session.History[^1];
        session.History.RemoveAt(session.History.Count - 1);
        AnswerUndo.Undo(session, entry);
        outbox.Say(asks.T("interrupt.back"), asks.Locale);
    }

    public void StartOver(PrescreenSession session, Outbox outbox)
    {
        session.RestartScreening(keepConsent: true);
        session.AnsweredByGuardian = null;
        outbox.Say(Asks(session).T("interrupt.startOver"), session.Locale ?? Locales.Default);
    }

    public void Stop(PrescreenSession session, AskFactory asks, Outbox outbox)
    {
        session.Stopped = true;
        session.Paused = false;
        session.DeleteRequested = false;
        outbox.Say(asks.T("interrupt.stopped"), asks.Locale);
    }
}
