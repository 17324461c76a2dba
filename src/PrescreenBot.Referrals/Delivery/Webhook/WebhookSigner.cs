using System.Security.Cryptography;
using System.Text;

namespace PrescreenBot.Referrals.Delivery.Webhook;

/// <summary>Standard Webhooks signing: <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
public static class WebhookSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(byte[] key, string messageId, long unixTimestampSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{unixTimestampSeconds}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
