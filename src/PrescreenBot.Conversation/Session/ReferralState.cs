namespace PrescreenBot.Conversation.Session;

/// <summary>Contact details being collected at the referral step.</summary>
public sealed class ReferralDraft
{
    public required string TrialId { get; set; }

    public string? SiteId { get; set; }

    public string? Name { get; set; }

    public bool PhoneAsked { get; set; }

    public string? Phone { get; set; }

    public bool EmailAsked { get; set; }

    public string? Email { get; set; }

    public string? BestTime { get; set; }

    public string? PreferredLanguage { get; set; }

    public DateTimeOffset? SharingConsentAt { get; set; }

    /// <summary>The last attempt to create the referral failed; the patient is asked before trying again.</summary>
    public bool AwaitingRetry { get; set; }

    /// <summary>Set once the summary was confirmed; the referral is then (re)tried with the same idempotency key.</summary>
    public bool Confirmed { get; set; }
}

/// <summary>A referral the service created.</summary>
public sealed record ReferralRecord(string ReferralId, string TrialId, string SiteId);

/// <summary>A consented lead that could not be handed to a site (none configured), recorded with a clear marker.</summary>
public sealed record PendingLead(string TrialId, string Verdict, DateTimeOffset SharingConsentAt)
{
    public string Marker { get; init; } = "lead-pending-no-site";
}
