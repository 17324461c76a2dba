using PrescreenBot.Conversation.Referrals;

namespace PrescreenBot.Referrals.Referrals;

/// <summary>A stored referral. Carries PHI: map it to a purpose-built type before it leaves the service.</summary>
public sealed record ReferralRecord
{
    public required string Id { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string TrialId { get; init; }
    public required string SiteId { get; init; }
    public required string Verdict { get; init; }
    public required PatientContact Contact { get; init; }
    public required IReadOnlyList<CriterionAnswer> Answers { get; init; }
    public required IReadOnlyList<string> Flags { get; init; }
    public required ConsentRecord Consent { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public required string Locale { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; init; }
}
