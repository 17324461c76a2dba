namespace PrescreenBot.Referrals.Outbox;

/// <summary>
/// One delivery of one referral to one channel. Holds no PHI: the payload is built from the referral at delivery
/// time, and <see cref="LastErrorCode"/> is a code such as <c>http_500</c>, never a message.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>Also the Standard Webhooks <c>webhook-id</c>: stable across retries so receivers can de-duplicate.</summary>
    public required string Id { get; init; }
    public required string ReferralId { get; init; }
    public required string Channel { get; init; }

    /// <summary>E-mail recipients (comma-separated), the webhook URL, or the Teams conversation.</summary>
    public required string Target { get; init; }
    public required string State { get; init; }
    public required int AttemptCount { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    public string? LastErrorCode { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
}
