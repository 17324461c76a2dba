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
        var complete = ImpliedAnswers.Complete(answers);

        IReadOnlyList<string?> scenarios = set.Cohorts.Count == 0 ? [null] : [.. set.Cohorts.Select(c => (string?)c.Key)];
        var evaluations = scenarios.Select(cohort => EvaluateCohort(set, complete, cohort, today)).ToList();

        var best = evaluations
            .OrderBy(e => Rank(e.Verdict))
            .ThenBy(e => e.Reasons.Count)
            .First();

        var open = evaluations
            .Where(e => e.IsStillPossible)
            .SelectMany(e => e.OpenQuestionKeys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        return best with { OpenQuestionKeys = open };
    }

    /// <summary>Evaluates several trials with the same answers.</summary>
    public static IReadOnlyList<TrialEvaluation> EvaluateAll(
        IEnumerable<TrialQuestionSet> sets, IReadOnlyDictionary<string, Answer> answers, DateOnly? today = null) =>
        [.. sets.Select(s => Evaluate(s, answers, today))];

    /// <summary>
    /// The question keys of <paramref name="set"/> still worth asking: unanswered (after implied answers) in a cohort
    /// that is still possible. A planner can pick the key that splits the candidate trials best.
    /// </summary>
    public static IReadOnlyList<string> OpenQuestionKeys(TrialQuestionSet set, IReadOnlyDictionary<string, Answer> answers) =>
        Evaluate(set, answers).OpenQuestionKeys;

    private static int Rank(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.LikelyEligible => 0,
        TrialVerdict.NeedsReview => 1,
        _ => 2,
    };

    private static TrialEvaluation EvaluateCohort(
        TrialQuestionSet set, IReadOnlyDictionary<string, Answer> answers, string? cohort, DateOnly? today)
    {
        var results = new List<CriterionResult>(set.Criteria.Count);
        var open = new List<string>();
        foreach (var criterion in set.Criteria)
        {
            var result = EvaluateCriterion(set, criterion, answers, cohort, today);
            results.Add(result);
            if (result.Outcome != CriterionOutcome.NotApplicable)
            {
                open.AddRange(criterion.Questions.Where(q => !answers.ContainsKey(q.Key)).Select(q => q.Key));
            }
        }

        var notMet = results.Where(r => r.Outcome == CriterionOutcome.NotMet).ToList();
        var review = results.Where(r => r.Outcome == CriterionOutcome.Unknown && NeedsReview(r.Reason)).ToList();
        var verdict = notMet.Count > 0 ? TrialVerdict.NotEligible
            : review.Count > 0 ? TrialVerdict.NeedsReview
            : TrialVerdict.LikelyEligible;

        var reasons = verdict switch
        {
            TrialVerdict.NotEligible => notMet,
            TrialVerdict.NeedsReview => review,
            _ => [],
        };

        var siteChecks = results.Where(r => IsSiteCheck(set, r)).ToList();

        return new TrialEvaluation
        {
            TrialId = set.Trial.Id,
            Verdict = verdict,
            Cohort = cohort,
            Criteria = results,
            Reasons = [.. reasons.Select(ToReason)],
            SiteChecks = [.. siteChecks.Select(ToReason)],
            OpenQuestionKeys = verdict == TrialVerdict.NotEligible ? [] : [.. open.Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }

    private static bool NeedsReview(UnknownReason reason) =>
        reason is UnknownReason.NotAnswered or UnknownReason.NotSure or UnknownReason.Unclear
            or UnknownReason.NotDecisive or UnknownReason.Flagged;

    private static bool IsSiteCheck(TrialQuestionSet set, CriterionResult r) =>
        r.Outcome != CriterionOutcome.NotApplicable
        && (r.Reason == UnknownReason.SiteVerifies
            || (r.Outcome == CriterionOutcome.Met && (r.Criterion.SiteVerifies || set.OpenFlagsOn(r.Criterion.Id).Any())));

    private static CriterionResult EvaluateCriterion(
        TrialQuestionSet set, Criterion criterion, IReadOnlyDictionary<string, Answer> answers, string? cohort, DateOnly? today)
    {
        if (criterion.Cohort is not null && cohort is not null && !string.Equals(criterion.Cohort, cohort, StringComparison.Ordinal))
        {
            return new() { Criterion = criterion, Outcome = CriterionOutcome.NotApplicable };
        }

        if (criterion.AnswerableBy == AnswerableBy.None)
        {
            return Unknown(criterion, UnknownReason.Administrative);
        }

        if (criterion.Questions.Count == 0)
        {
            return Unknown(criterion, UnknownReason.SiteVerifies);
        }

        var flagged = set.OpenFlagsOn(criterion.Id).Any(f => FlagCodes.BlocksExclusion(f.Code));
        var judged = criterion.Questions
            .Select(q => (Question: q, Standing: AnswerJudge.Judge(q, answers.GetValueOrDefault(q.Key), today)))
            .ToList();

        var against = judged.Where(j => j.Standing == AnswerStanding.Disqualifying).ToList();
        if (against.Count > 0)
        {
            var decisive = against.FirstOrDefault(j => j.Question.Decisive);
            if (flagged)
            {
                return Unknown(criterion, UnknownReason.Flagged, against[0].Question.Key);
            }

            return decisive.Question is { } q
                ? new() { Criterion = criterion, Outcome = CriterionOutcome.NotMet, DecidingKey = q.Key }
                : Unknown(criterion, UnknownReason.NotDecisive, against[0].Question.Key);
        }

        foreach (var standing in new[] { AnswerStanding.NotSure, AnswerStanding.Unclear, AnswerStanding.NotAnswered })
        {
            var hit = judged.FirstOrDefault(j => j.Standing == standing);
            if (hit.Question is not null)
            {
                var reason = standing switch
                {
                    AnswerStanding.NotSure => UnknownReason.NotSure,
                    AnswerStanding.Unclear => UnknownReason.Unclear,
                    _ => UnknownReason.NotAnswered,
                };
                return Unknown(criterion, reason, hit.Question.Key);
            }
        }

        return new() { Criterion = criterion, Outcome = CriterionOutcome.Met };
    }

    private static CriterionResult Unknown(Criterion criterion, UnknownReason reason, string? key = null) =>
        new() { Criterion = criterion, Outcome = CriterionOutcome.Unknown, Reason = reason, DecidingKey = key };

    private static VerdictReason ToReason(CriterionResult r) =>
        new(r.Criterion.Id, r.Criterion.Reason ?? FallbackReason(r.Criterion), r.Outcome, r.Reason);

    /// <summary>When a criterion has no reviewed reason, the study's own words (English) stand in.</summary>
    private static LocalizedText FallbackReason(Criterion criterion) => criterion.Kind == CriterionKind.Inclusion
        ? new($"The study requires: {criterion.Text}", $"本研究要求：{criterion.Text}")
        : new($"The study does not admit: {criterion.Text}", $"本研究不接受：{criterion.Text}");
}
