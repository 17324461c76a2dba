namespace PrescreenBot.Trials;

/// <summary>The facts of one trial, as imported from a registry record or a page.</summary>
public sealed record Trial
{
    /// <summary>The NCT id when known, else the organisation's study id, else a stable slug (see <see cref="IdKind"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Where <see cref="Id"/> came from.</summary>
    public TrialIdKind IdKind { get; init; } = TrialIdKind.NctId;

    public string? NctId { get; init; }

    public string? OrgStudyId { get; init; }

    /// <summary>The official title as the registry or page gives it (English for the seed trials).</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The title in Simplified Chinese, written by a reviewer in the dialog file (<c>titleZh</c>); null when nobody has
    /// translated it. Never derived: a machine guess at a trial's name would mislead patients.
    /// </summary>
    public string? TitleZh { get; init; }

    /// <summary>Overall status in ClinicalTrials.gov vocabulary (<see cref="TrialStatuses"/>), null when unknown.</summary>
    public string? OverallStatus { get; init; }

    /// <summary>Phase as the registry writes it ("PHASE1", "EARLY_PHASE1", "PHASE1/PHASE2"), null when unknown.</summary>
    public string? Phase { get; init; }

    public int? Enrollment { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>(Estimated) completion date.</summary>
    public DateOnly? CompletionDate { get; init; }

    public DateOnly? LastUpdated { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>Canonical condition keys (<see cref="Questions.ConditionKeys"/>) the trial studies.</summary>
    public IReadOnlyList<string> ConditionKeys { get; init; } = [];

    /// <summary>"ALL", "FEMALE" or "MALE" (<see cref="Sexes"/>).</summary>
    public string Sex { get; init; } = Sexes.All;

    /// <summary>Minimum age in years; null when unbounded.</summary>
    public double? MinAgeYears { get; init; }

    /// <summary>Maximum age in years; null when unbounded (never a reason to drop a trial).</summary>
    public double? MaxAgeYears { get; init; }

    public bool? HealthyVolunteers { get; init; }

    public string? Sponsor { get; init; }

    public IReadOnlyList<Site> Sites { get; init; } = [];

    /// <summary>Central contacts and responsible people of the study (site contacts sit on each <see cref="Site"/>).</summary>
    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>The title to show in <paramref name="locale"/>: Chinese for any "zh…" locale when translated, else <see cref="Title"/>.</summary>
    public string TitleFor(string? locale) => new LocalizedText(Title, TitleZh ?? string.Empty).For(locale);
}

/// <summary>Where a trial id came from.</summary>
public enum TrialIdKind
{
    /// <summary>A ClinicalTrials.gov NCT id.</summary>
    NctId,

    /// <summary>The sponsor's own study id (no NCT id was found).</summary>
    OrgStudyId,

    /// <summary>A slug made from the sponsor and title (no id at all was found).</summary>
    Slug,
}

/// <summary>A study site; each site has its own recruiting status, distinct from the study's.</summary>
public sealed record Site
{
    public required string Name { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    /// <summary>The site's own status (ClinicalTrials.gov vocabulary), null when the source does not say.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<Contact> Contacts { get; init; } = [];
}

/// <summary>A person or desk to contact, with their role as written ("primary", "PRINCIPAL_INVESTIGATOR", "central").</summary>
public sealed record Contact
{
    public required string Name { get; init; }

    public string? Role { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}

/// <summary>Overall and site status values (ClinicalTrials.gov vocabulary).</summary>
public static class TrialStatuses
{
    public const string Recruiting = "RECRUITING";
    public const string NotYetRecruiting = "NOT_YET_RECRUITING";
    public const string EnrollingByInvitation = "ENROLLING_BY_INVITATION";
    public const string ActiveNotRecruiting = "ACTIVE_NOT_RECRUITING";
    public const string Completed = "COMPLETED";
    public const string Suspended = "SUSPENDED";
    public const string Terminated = "TERMINATED";
    public const string Withdrawn = "WITHDRAWN";
    public const string Unknown = "UNKNOWN";

    /// <summary>Maps the wording of pages ("Enrolling", "Recruiting", "Not yet recruiting") to the registry vocabulary.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
        return t switch
        {
            "RECRUITING" or "ENROLLING" or "OPEN" => Recruiting,
            "NOT_YET_RECRUITING" or "NOT_YET_ENROLLING" => NotYetRecruiting,
            "ENROLLING_BY_INVITATION" => EnrollingByInvitation,
            "ACTIVE_NOT_RECRUITING" or "ACTIVE,_NOT_RECRUITING" => ActiveNotRecruiting,
            "COMPLETED" => Completed,
            "SUSPENDED" => Suspended,
            "TERMINATED" => Terminated,
            "WITHDRAWN" => Withdrawn,
            "UNKNOWN" or "UNKNOWN_STATUS" => Unknown,
            _ => null,
        };
    }
}

/// <summary>Sex eligibility values (ClinicalTrials.gov vocabulary).</summary>
public static class Sexes
{
    public const string All = "ALL";
    public const string Female = "FEMALE";
    public const string Male = "MALE";
}
