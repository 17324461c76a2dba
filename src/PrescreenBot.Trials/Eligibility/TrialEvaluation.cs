namespace PrescreenBot.Trials.Eligibility;

/// <summary>The outcome of one criterion for one patient, with the question key that decided it.</summary>
public sealed record CriterionResult
{
    public required Criterion Criterion { get; init; }

    public required CriterionOutcome Outcome { get; init; }

    public UnknownReason Reason { get; init; }

    /// <summary>The question key behind the outcome (the disqualifying or unclear one), when one question decided.</summary>
    public string? DecidingKey { get; init; }
}

/// <summary>One criterion named behind a verdict, with its plain-language reason in both languages.</summary>
public sealed record VerdictReason(string CriterionId, LocalizedText Reason, CriterionOutcome Outcome, UnknownReason UnknownReason);

/// <summary>The verdict on one trial for one (possibly partial) set of answers.</summary>
public sealed record TrialEvaluation
{
    public required string TrialId { get; init; }

    public required TrialVerdict Verdict { get; init; }

    /// <summary>The cohort the verdict is for (the most favourable one still possible); null for single-cohort trials.</summary>
    public string? Cohort { get; init; }

    /// <summary>Every criterion's outcome, in the trial's order.</summary>
    public required IReadOnlyList<CriterionResult> Criteria { get; init; }

    /// <summary>
    /// The criteria behind the verdict: for <see cref="TrialVerdict.NotEligible"/> the ones that rule out, for
    /// <see cref="TrialVerdict.NeedsReview"/> the ones needing a look (not sure, flagged, not decisive, unanswered).
    /// </summary>
    public required IReadOnlyList<VerdictReason> Reasons { get; init; }

    /// <summary>What the study team will check in any case (labs, scores, flagged items).</summary>
    public required IReadOnlyList<VerdictReason> SiteChecks { get; init; }

    /// <summary>Question keys still unanswered in any cohort still possible; empty when nothing more can change the verdict.</summary>
    public required IReadOnlyList<string> OpenQuestionKeys { get; init; }

    /// <summary>True unless the patient is definitely ruled out.</summary>
    public bool IsStillPossible => Verdict != TrialVerdict.NotEligible;

    /// <summary>True when every patient question that matters has an answer.</summary>
    public bool IsComplete => OpenQuestionKeys.Count == 0;
}
