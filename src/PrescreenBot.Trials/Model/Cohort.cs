namespace PrescreenBot.Trials;

/// <summary>
/// One disease cohort of a multi-disease trial. Criteria with a <see cref="Criterion.Cohort"/> apply only to patients in
/// that cohort; the patient's <c>condition</c> answer decides which cohorts apply.
/// </summary>
public sealed record Cohort
{
    /// <summary>Stable key within the trial (the cohort's number as written, e.g. "2", else "c1", "c2", …).</summary>
    public required string Key { get; init; }

    /// <summary>The cohort heading as written; null when the source lost it (a flag says so).</summary>
    public string? Title { get; init; }

    /// <summary>Canonical condition keys (<see cref="Questions.ConditionKeys"/>) admitted to this cohort.</summary>
    public IReadOnlyList<string> ConditionKeys { get; init; } = [];
}
