namespace PrescreenBot.Trials;

/// <summary>
/// A problem in the trial record for a coordinator to look at. A flag on a criterion turns it into a site-review
/// item: it never excludes anyone until a coordinator marks the flag <see cref="Resolved"/>.
/// </summary>
public sealed record Flag
{
    /// <summary>One of <see cref="FlagCodes"/>.</summary>
    public required string Code { get; init; }

    public required string Message { get; init; }

    /// <summary>The criterion concerned; null for trial-level flags (status, id, sites).</summary>
    public string? CriterionId { get; init; }

    /// <summary>Set by a coordinator in the dialog file once the problem is handled.</summary>
    public bool Resolved { get; init; }

    /// <summary>How the coordinator resolved it (who, what was checked), written next to <see cref="Resolved"/>.</summary>
    public string? Resolution { get; init; }
}

/// <summary>Flag codes.</summary>
public static class FlagCodes
{
    public const string NumberingGap = "numbering-gap";
    public const string InclusionUnderExclusion = "inclusion-under-exclusion";
    public const string ExclusionUnderInclusion = "exclusion-under-inclusion";
    public const string PermissionUnderExclusion = "permission-under-exclusion";
    public const string DoubleNegative = "double-negative";
    public const string StaleStatus = "stale-status";
    public const string NotYetRecruiting = "not-yet-recruiting";
    public const string NoNctId = "no-nct-id";
    public const string NoSites = "no-sites";
    public const string NoContacts = "no-contacts";
    public const string TemplatePlaceholder = "template-placeholder";
    public const string GarbledTerm = "garbled-term";
    public const string MissingCohortHeading = "missing-cohort-heading";
    public const string DuplicateCohortNumber = "duplicate-cohort-number";
    public const string LayoutUncertain = "layout-uncertain";
    public const string AmbiguousWording = "ambiguous-wording";

    /// <summary>Codes that make the criterion they sit on a site-review item.</summary>
    public static bool BlocksExclusion(string code) => code is not (StaleStatus or NotYetRecruiting or NoNctId or NoSites
        or NoContacts or LayoutUncertain);
}
