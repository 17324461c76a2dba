using System.Text.Json;

namespace PrescreenBot.Referrals.Delivery.Webhook;

/// <summary>The Standard Webhooks envelope: <c>{ type, timestamp, data }</c>, with the thin notification as data.</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, ReferralNotification Data)
{
    public const string ReferralCreatedType = "referral.created";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
