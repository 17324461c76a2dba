namespace PrescreenBot.Referrals.Referrals;

/// <summary>Where a referral stands, derived from its outbox rows (the portal shows it).</summary>
public static class ReferralStatus
{
    /// <summary>At least one channel still has to be delivered.</summary>
    public const string Pending = "pending";

    /// <summary>Every channel delivered.</summary>
    public const string Delivered = "delivered";

    /// <summary>At least one channel gave up (dead-lettered): a person has to look.</summary>
    public const string DeliveryFailed = "delivery_failed";
}
