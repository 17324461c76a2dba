namespace PrescreenBot.Trials.Criteria;

/// <summary>What the classifier needs to know about the trial around a criterion.</summary>
internal sealed record ClassificationContext(Trial Trial, IReadOnlyDictionary<string, Cohort> Cohorts)
{
    /// <summary>Children below this age are answered for by a parent or guardian.</summary>
    public const double AdultAgeYears = 18;

    /// <summary>True when the trial admits children, so questions also carry guardian wording.</summary>
    public bool AdmitsChildren => Trial.MinAgeYears is < AdultAgeYears;
}
