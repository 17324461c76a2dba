namespace PrescreenBot.Conversation.Referrals;

/// <summary>Everything a site needs to follow up a lead, collected with the patient's consent.</summary>
public sealed record ReferralRequest
{
    /// <summary>Same key, same referral: retries of the final step never create a second one.</summary>
    public required string IdempotencyKey { get; init; }
    public required string TrialId { get; init; }
    public required string SiteId { get; init; }
    /// <summary><c>likelyEligible</c> or <c>needsReview</c>.</summary>
    public required string Verdict { get; init; }
    public required PatientContact Contact { get; init; }
    public required IReadOnlyList<CriterionAnswer> Answers { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    public required ConsentRecord Consent { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public string Locale { get; init; } = "en-US";
}

public sealed record PatientContact
{
    public required string Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? BestTime { get; init; }
    public string? PreferredLanguage { get; init; }
    /// <summary>True when a parent or guardian answered for a child.</summary>
    public bool AnsweredByGuardian { get; init; }
}

/// <summary>One answered criterion, with the criterion text the question came from.</summary>
public sealed record CriterionAnswer(string CriterionId, string CriterionText, string Question, string Answer, string Outcome);

/// <summary>What the patient agreed to, in which wording version, and when.</summary>
public sealed record ConsentRecord(string WordingVersion, DateTimeOffset ScreeningConsentAt, DateTimeOffset SharingConsentAt);

public sealed record ReferralReceipt(string ReferralId, string TrialId, string SiteId, bool Created);
