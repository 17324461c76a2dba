namespace PrescreenBot.Referrals.Outbox;

/// <summary>An outbox row's life: pending until delivered, or dead after the last allowed attempt.</summary>
public static class OutboxStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>The dead-letter state: no more attempts; the portal shows it.</summary>
    public const string Dead = "dead";
}
