using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials.Eligibility;

namespace PrescreenBot.Conversation.Verdicts;

/// <summary>
/// The verdict message (per trial: likely eligible, needs a check by the study team, or not eligible, with its reasons in
/// plain words) and the <c>prescreen/result</c> event that embedding pages rely on.
/// </summary>
public static class VerdictReport
{
    /// <summary>Enough reasons to explain a verdict without burying the message; the study team sees them all.</summary>
    private const int MaxReasonLinesPerTrial = 6;

    public static PrescreenResult Result(ScreeningSnapshot snapshot, PrescreenSession session) => new(
        [.. snapshot.Evaluations.Select(e => new TrialVerdictDto(e.TrialId, Name(e.Verdict), [.. e.Reasons.Select(r => r.CriterionId).Distinct()]))],
        session.QuestionsAsked);

    public static void Write(ScreeningSnapshot snapshot, PrescreenSession session, AskFactory asks, Outbox outbox)
    {
        var locale = asks.Locale;
        var forChild = session.AnsweredByGuardian == true ? ".guardian" : string.Empty;
        var lines = new List<string> { asks.T("verdict.header", ("count", session.QuestionsAsked)) };
        var ordered = snapshot.Candidates
            .Select((set, i) => (Set: set, Evaluation: snapshot.Evaluations[i]))
            .OrderBy(p => (int)p.Evaluation.Verdict)
            .ToList();

        foreach (var (set, evaluation) in ordered)
        {
            lines.Add(string.Empty);
            switch (evaluation.Verdict)
            {
                case TrialVerdict.LikelyEligible:
                    lines.Add(asks.AboutTrial("verdict.likelyEligible" + forChild, set.Trial));
                    break;
                case TrialVerdict.NeedsReview:
                    lines.Add(asks.AboutTrial("verdict.needsReview" + forChild, set.Trial));
                    lines.AddRange(ReasonLines(evaluation.Reasons, asks));
                    if (evaluation.SiteChecks.Count > 0)
                    {
                        lines.Add(asks.T("verdict.siteChecks", ("count", evaluation.SiteChecks.Count)));
                    }

                    break;
                default:
                    lines.Add(asks.AboutTrial("verdict.notEligible", set.Trial));
                    lines.AddRange(ReasonLines(evaluation.Reasons, asks));
                    break;
            }

            if (evaluation.Verdict != TrialVerdict.NotEligible && TrialCatalog.IsNotYetRecruiting(set.Trial))
            {
                lines.Add(asks.T("verdict.notYetRecruiting"));
            }
        }

        lines.Add(string.Empty);
        lines.Add(asks.T(snapshot.StillPossibleCount == 0 ? "verdict.noneFits" : "verdict.disclaimer"));
        outbox.Say(string.Join("\n", lines), locale);
        outbox.Event(PrescreenEvents.Result, Result(snapshot, session));
    }

    public static string Name(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.LikelyEligible => VerdictNames.LikelyEligible,
        TrialVerdict.NeedsReview => VerdictNames.NeedsReview,
        _ => VerdictNames.NotEligible,
    };

    private static IEnumerable<string> ReasonLines(IReadOnlyList<VerdictReason> reasons, AskFactory asks)
    {
        var texts = reasons.Select(r => r.Reason.For(asks.Locale)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var text in texts.Take(MaxReasonLinesPerTrial))
        {
            yield return asks.T("verdict.reason", ("reason", text));
        }

        if (texts.Count > MaxReasonLinesPerTrial)
        {
            yield return asks.T("verdict.moreReasons", ("count", texts.Count - MaxReasonLinesPerTrial));
        }
    }
}
