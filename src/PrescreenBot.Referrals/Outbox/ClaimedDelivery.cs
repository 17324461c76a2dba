namespace PrescreenBot.Referrals.Outbox;

/// <summary>An outbox row leased to one dispatcher for one attempt.</summary>
internal sealed record ClaimedDelivery(string Id, string ReferralId, string Channel, string Target, int AttemptCount);
