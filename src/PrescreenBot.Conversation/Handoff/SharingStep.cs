using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Eligibility;

namespace PrescreenBot.Conversation.Handoff;

/// <summary>
/// After the verdicts: for each trial the patient likely qualifies for or needs a check for, ask consent to share the answers
/// with its study team (a not-yet-recruiting trial: "tell the site I'm interested"). Several such trials: the patient picks.
/// </summary>
public sealed class SharingStep(FlowServices services)
{
    public const string NoneOfThem = "none";

    public Ask Next(PrescreenSession session, ScreeningSnapshot snapshot, AskFactory asks)
    {
        var open = Shareable(session, snapshot);
        if (open.Count == 0)
        {
            return new Ask
            {
                StepId = StepIds.Finished,
                Kind = AskKind.Text,
                Text = asks.T("share.finished"),
                Retry = asks.T("share.finished"),
                Buttons = [asks.T("choice.startOver"), asks.T("choice.deleteData")],
                Locale = asks.Locale,
            };
        }

        if (open.Count > 1 && session.SharingTrialId is null && session.SharingAnswered.Count == 0)
        {
            // The trial id needs no synonym: an option's value is matched as its name too (ChoiceMatcher), and stored once less.
            var options = open.Select(s => new AskOption(s.Trial.Id, $"{asks.TitleOf(s.Trial)} ({s.Trial.Id})")).ToList();
            options.Add(asks.Option(NoneOfThem, "share.noneOfThem", "words.noneOfThem"));
            return asks.Choice(StepIds.ShareWhich, asks.T("share.whichTrial"), "share.whichTrial.retry", options);
        }

        var set = open.FirstOrDefault(s => s.Trial.Id == session.SharingTrialId) ?? open[0];
        var key = session.SharingAnswered.Count > 0 ? "share.another"
            : TrialCatalog.IsNotYetRecruiting(set.Trial) ? "share.promptInterest"
            : "share.prompt";
        return asks.YesNo(StepIds.Share(set.Trial.Id), asks.AboutTrial(key, set.Trial), "share.retry");
    }

    public void Apply(PrescreenSession session, ScreeningSnapshot snapshot, Ask ask, AskResult result, AskFactory asks, Outbox outbox)
    {
        if (ask.StepId == StepIds.ShareWhich)
        {
            var choice = result.Choices.FirstOrDefault();
            if (choice is null or NoneOfThem)
            {
                session.SharingAnswered.AddRange(Shareable(session, snapshot).Select(s => s.Trial.Id));
                outbox.Say(asks.T("share.declined"), asks.Locale);
            }
            else
            {
                session.SharingTrialId = choice;
            }

            session.History.Add(new HistoryEntry { StepId = ask.StepId });
            return;
        }

        var trialId = ask.StepId[StepIds.SharePrefix.Length..];
        session.History.Add(new HistoryEntry { StepId = ask.StepId });
        if (result.Kind == AskResultKind.Yes)
        {
            session.Draft = new ReferralDraft { TrialId = trialId, SharingConsentAt = services.Time.GetUtcNow() };
            return;
        }

        session.SharingAnswered.Add(trialId);
        session.SharingTrialId = null;
        outbox.Say(asks.T("share.declined"), asks.Locale);
    }

    /// <summary>Trials whose verdict allows a referral and that were not offered yet, likely eligible first.</summary>
    public static IReadOnlyList<TrialQuestionSet> Shareable(PrescreenSession session, ScreeningSnapshot snapshot) =>
        [.. snapshot.Candidates
            .Select((set, i) => (Set: set, Evaluation: snapshot.Evaluations[i]))
            .Where(p => p.Evaluation.Verdict != TrialVerdict.NotEligible && !session.SharingAnswered.Contains(p.Set.Trial.Id))
            .OrderBy(p => (int)p.Evaluation.Verdict)
            .Select(p => p.Set)];
}
