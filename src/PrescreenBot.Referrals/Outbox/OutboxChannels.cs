namespace PrescreenBot.Referrals.Outbox;

/// <summary>The delivery channels an outbox row can name.</summary>
public static class OutboxChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
    public const string Teams = "teams";
}
