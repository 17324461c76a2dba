namespace PrescreenBot.Referrals.Delivery.Webhook;

/// <summary>
/// A Standard Webhooks signing key. Accepts the spec's <c>whsec_</c>+base64 form and, for receivers that hand out
/// plain strings, the raw text's UTF-8 bytes.
/// </summary>
public static class WebhookSecret
{
    /// <summary>The Standard Webhooks minimum: shorter keys are guessable.</summary>
    public const int MinimumKeyBytes = 24;

    private const string Prefix = "whsec_";

    /// <summary>Decodes the key, or explains in <paramref name="error"/> why it cannot be used.</summary>
    public static bool TryParse(string? secret, out byte[] key, out string? error)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(secret))
        {
            error = "the secret is empty";
            return false;
        }

        if (secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                key = Convert.FromBase64String(secret[Prefix.Length..]);
            }
            catch (FormatException)
            {
                error = "a 'whsec_' secret must be followed by base64";
                return false;
            }
        }
        else
        {
            key = System.Text.Encoding.UTF8.GetBytes(secret);
        }

        if (key.Length < MinimumKeyBytes)
        {
            error = $"the secret is {key.Length} bytes; at least {MinimumKeyBytes} are required";
            key = [];
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Decodes a secret that configuration validation has already accepted.</summary>
    public static byte[] Parse(string? secret) =>
        TryParse(secret, out var key, out var error) ? key : throw new FormatException($"Invalid webhook secret: {error}.");
}
