namespace PrescreenBot.Referrals.Referrals;

/// <summary>An outbox row to be written with its referral.</summary>
internal sealed record NewOutboxRow(string Id, string Channel, string Target);
