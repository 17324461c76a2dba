namespace PrescreenBot.Trials.Eligibility;

/// <summary>A trial-level verdict. Recall-first: only a definite answer to a patient question excludes.</summary>
public enum TrialVerdict
{
    /// <summary>Nothing answered rules the patient out and nothing needs a second look; site checks still follow.</summary>
    LikelyEligible,

    /// <summary>Something needs a check by the study team: a "not sure", a flagged criterion, an unanswered question.</summary>
    NeedsReview,

    /// <summary>A definite answer to a patient-answerable, unflagged criterion rules the patient out.</summary>
    NotEligible,
}

/// <summary>
/// A criterion's state for this patient. "Met" means the patient satisfies the criterion's requirement to take
/// part: an inclusion holds, or an exclusion does NOT apply. "Not met" means it rules the patient out.
/// </summary>
public enum CriterionOutcome
{
    Met,
    NotMet,
    Unknown,
    NotApplicable,
}

/// <summary>Why a criterion is <see cref="CriterionOutcome.Unknown"/> (or what is left for the site).</summary>
public enum UnknownReason
{
    None,

    /// <summary>A question of the criterion has no answer yet.</summary>
    NotAnswered,

    /// <summary>The patient said "not sure".</summary>
    NotSure,

    /// <summary>The answer covered another time window or unit than the criterion's, so it does not decide.</summary>
    Unclear,

    /// <summary>The answer speaks against the criterion, but the criterion adds judgment or exceptions: the site decides.</summary>
    NotDecisive,

    /// <summary>The answer speaks against a criterion with an unresolved flag: the site decides.</summary>
    Flagged,

    /// <summary>Only the site can check it (labs, scores, investigator judgment).</summary>
    SiteVerifies,

    /// <summary>Consent, compliance or a permission: nothing to check about health.</summary>
    Administrative,
}
