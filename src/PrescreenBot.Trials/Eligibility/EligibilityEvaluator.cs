using System.Buffers;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Eligibility;

/// <summary>
/// Judges eligibility from (possibly partial) answers, recall-first: "not eligible" only on a definite answer to a
/// patient-answerable, unflagged, decisive question; "not sure", unanswered and site-verified items never exclude.
/// Implied answers (<see cref="ImpliedAnswers"/>) are applied first. Pure and thread-safe.
/// </summary>
public static class EligibilityEvaluator
{
    /// <summary>
    /// Evaluates one trial. <paramref name="answers"/> maps canonical question keys to answers; <paramref name="today"/>
    /// is needed only for date answers.
    /// </summary>
    public static TrialEvaluation Evaluate(TrialQuestionSet set, IReadOnlyDictionary<string, Answer> answers, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answers);
        return EvaluateComplete(set, ImpliedAnswers.Complete(answers), today);
    }

    /// <summary>Evaluates several trials with the same answers (implied answers worked out once for all).</summary>
    public static IReadOnlyList<TrialEvaluation> EvaluateAll(
        IEnumerable<TrialQuestionSet> sets, IReadOnlyDictionary<string, Answer> answers, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(answers);
        var complete = ImpliedAnswers.Complete(answers);
        var evaluations = new List<TrialEvaluation>();
        foreach (var set in sets)
        {
            ArgumentNullException.ThrowIfNull(set);
            evaluations.Add(EvaluateComplete(set, complete, today));
        }

        return evaluations;
    }

    /// <summary>
    /// The question keys of <paramref name="set"/> still worth asking: unanswered (after implied answers) in a cohort
    /// that is still possible. A planner can pick the key that splits the candidate trials best.
    /// </summary>
    public static IReadOnlyList<string> OpenQuestionKeys(TrialQuestionSet set, IReadOnlyDictionary<string, Answer> answers) =>
        Evaluate(set, answers).OpenQuestionKeys;

    /// <summary>
    /// True when some answer to <paramref name="key"/> can make <paramref name="set"/> not eligible: a decisive
    /// question of a patient-answerable criterion without a flag that blocks exclusion. Worked out once per set.
    /// </summary>
    public static bool CanRuleOut(TrialQuestionSet set, string key)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(key);
        return CriterionFacts.For(set).KeysThatCanRuleOut.Contains(key);
    }

    /// <summary>
    /// Every cohort is judged; the most favourable one (fewest reasons among equals, the first among ties) gives the
    /// verdict, and the open keys are those of every cohort still possible. Reasons and site checks are composed for the
    /// chosen cohort only: the others' are never read.
    /// </summary>
    private static TrialEvaluation EvaluateComplete(TrialQuestionSet set, IReadOnlyDictionary<string, Answer> answers, DateOnly? today)
    {
        var facts = CriterionFacts.For(set);
        var open = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CohortOutcome? best = null;
        var cohortCount = Math.Max(1, set.Cohorts.Count);

        // A criterion's result is the same in every cohort it applies to: judged once, on first need, for all of them.
        var judged = cohortCount > 1 ? ArrayPool<CriterionResult?>.Shared.Rent(set.Criteria.Count) : null;
        judged?.AsSpan(0, set.Criteria.Count).Clear();
        for (var i = 0; i < cohortCount; i++)
        {
            var cohort = set.Cohorts.Count == 0 ? null : set.Cohorts[i].Key;
            var outcome = EvaluateCohort(set, facts, answers, cohort, today, judged);
            if (outcome.Verdict != TrialVerdict.NotEligible)
            {
                AddOpenKeys(outcome.Results, answers, seen, open);
            }

            if (best is null || (Rank(outcome.Verdict), outcome.ReasonCount).CompareTo((Rank(best.Verdict), best.ReasonCount)) < 0)
            {
                best = outcome;
            }
        }

        if (judged is not null)
        {
            ArrayPool<CriterionResult?>.Shared.Return(judged, clearArray: true);
        }

        return ToEvaluation(set, facts, best!, open);
    }

    private static int Rank(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.LikelyEligible => 0,
        TrialVerdict.NeedsReview => 1,
        _ => 2,
    };

    /// <summary>One cohort's criteria and verdict, before its reasons are composed.</summary>
    private sealed record CohortOutcome(string? Cohort, List<CriterionResult> Results, TrialVerdict Verdict, int ReasonCount);

    /// <summary>The unanswered question keys of every criterion that applies to the cohort, in order, each once.</summary>
    private static void AddOpenKeys(List<CriterionResult> results, IReadOnlyDictionary<string, Answer> answers, HashSet<string> seen, List<string> open)
    {
        foreach (var result in results)
        {
            if (result.Outcome == CriterionOutcome.NotApplicable)
            {
                continue;
            }

            foreach (var question in result.Criterion.Questions)
            {
                if (!answers.ContainsKey(question.Key) && seen.Add(question.Key))
                {
                    open.Add(question.Key);
                }
            }
        }
    }

    private static CohortOutcome EvaluateCohort(
        TrialQuestionSet set, CriterionFacts facts, IReadOnlyDictionary<string, Answer> answers, string? cohort, DateOnly? today,
        CriterionResult?[]? judged)
    {
        var results = new List<CriterionResult>(set.Criteria.Count);
        var notMet = 0;
        var review = 0;
        for (var i = 0; i < set.Criteria.Count; i++)
        {
            var criterion = set.Criteria[i];
            var result = judged is null || !AppliesTo(criterion, cohort)
                ? EvaluateCriterion(facts, i, criterion, answers, cohort, today)
                : judged[i] ??= EvaluateCriterion(facts, i, criterion, answers, cohort, today);
            results.Add(result);
            if (result.Outcome == CriterionOutcome.NotMet)
            {
                notMet++;
            }
            else if (result.Outcome == CriterionOutcome.Unknown && NeedsReview(result.Reason))
            {
                review++;
            }
        }

        var verdict = notMet > 0 ? TrialVerdict.NotEligible
            : review > 0 ? TrialVerdict.NeedsReview
            : TrialVerdict.LikelyEligible;
        var reasonCount = verdict switch
        {
            TrialVerdict.NotEligible => notMet,
            TrialVerdict.NeedsReview => review,
            _ => 0,
        };
        return new CohortOutcome(cohort, results, verdict, reasonCount);
    }

    private static TrialEvaluation ToEvaluation(TrialQuestionSet set, CriterionFacts facts, CohortOutcome outcome, List<string> open)
    {
        var reasons = new List<VerdictReason>(outcome.ReasonCount);
        var siteChecks = new List<VerdictReason>(outcome.Results.Count);
        foreach (var r in outcome.Results)
        {
            var isReason = outcome.Verdict switch
            {
                TrialVerdict.NotEligible => r.Outcome == CriterionOutcome.NotMet,
                TrialVerdict.NeedsReview => r.Outcome == CriterionOutcome.Unknown && NeedsReview(r.Reason),
                _ => false,
            };
            if (isReason)
            {
                reasons.Add(ToReason(facts, r));
            }

            if (IsSiteCheck(facts, r))
            {
                siteChecks.Add(ToReason(facts, r));
            }
        }

        return new TrialEvaluation
        {
            TrialId = set.Trial.Id,
            Verdict = outcome.Verdict,
            Cohort = outcome.Cohort,
            Criteria = outcome.Results,
            Reasons = reasons,
            SiteChecks = siteChecks,
            OpenQuestionKeys = open,
        };
    }

    private static bool NeedsReview(UnknownReason reason) =>
        reason is UnknownReason.NotAnswered or UnknownReason.NotSure or UnknownReason.Unclear
            or UnknownReason.NotDecisive or UnknownReason.Flagged;

    private static bool IsSiteCheck(CriterionFacts facts, CriterionResult r) =>
        r.Outcome != CriterionOutcome.NotApplicable
        && (r.Reason == UnknownReason.SiteVerifies
            || (r.Outcome == CriterionOutcome.Met && (r.Criterion.SiteVerifies || facts.HasOpenFlag(r.Criterion))));

    private static bool AppliesTo(Criterion criterion, string? cohort) =>
        criterion.Cohort is null || cohort is null || string.Equals(criterion.Cohort, cohort, StringComparison.Ordinal);

    private static CriterionResult EvaluateCriterion(
        CriterionFacts facts, int index, Criterion criterion, IReadOnlyDictionary<string, Answer> answers, string? cohort, DateOnly? today)
    {
        if (!AppliesTo(criterion, cohort))
        {
            return facts.ResultAt(index, CriterionOutcome.NotApplicable);
        }

        if (criterion.AnswerableBy == AnswerableBy.None)
        {
            return facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.Administrative);
        }

        if (criterion.Questions.Count == 0)
        {
            return facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.SiteVerifies);
        }

        // The first question of each standing decides, in the order the criterion asks them.
        int firstAgainst = -1, firstDecisiveAgainst = -1, firstNotSure = -1, firstUnclear = -1, firstNotAnswered = -1;
        for (var i = 0; i < criterion.Questions.Count; i++)
        {
            var question = criterion.Questions[i];
            switch (AnswerJudge.Judge(question, answers.GetValueOrDefault(question.Key), today))
            {
                case AnswerStanding.Disqualifying:
                    firstAgainst = firstAgainst < 0 ? i : firstAgainst;
                    firstDecisiveAgainst = firstDecisiveAgainst < 0 && question.Decisive ? i : firstDecisiveAgainst;
                    break;
                case AnswerStanding.NotSure:
                    firstNotSure = firstNotSure < 0 ? i : firstNotSure;
                    break;
                case AnswerStanding.Unclear:
                    firstUnclear = firstUnclear < 0 ? i : firstUnclear;
                    break;
                case AnswerStanding.NotAnswered:
                    firstNotAnswered = firstNotAnswered < 0 ? i : firstNotAnswered;
                    break;
            }
        }

        if (firstAgainst >= 0)
        {
            return facts.FlagBlocksExclusionAt(index) ? facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.Flagged, firstAgainst)
                : firstDecisiveAgainst >= 0 ? facts.ResultAt(index, CriterionOutcome.NotMet, UnknownReason.None, firstDecisiveAgainst)
                : facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.NotDecisive, firstAgainst);
        }

        return firstNotSure >= 0 ? facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.NotSure, firstNotSure)
            : firstUnclear >= 0 ? facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.Unclear, firstUnclear)
            : firstNotAnswered >= 0 ? facts.ResultAt(index, CriterionOutcome.Unknown, UnknownReason.NotAnswered, firstNotAnswered)
            : facts.ResultAt(index, CriterionOutcome.Met);
    }

    private static VerdictReason ToReason(CriterionFacts facts, CriterionResult r) => facts.VerdictReasonFor(r);
}
