namespace PrescreenBot.Channels.DirectLine;

/// <summary>Configuration section <c>DirectLine</c>. Every value has a working default for a single local instance.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>Direct Line 3.0 hands out tokens for 30 minutes; clients refresh every 15.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A whole pre-screen is 30–80 activities; 1,000 leaves room for long ones while bounding memory.</summary>
    public const int DefaultMaxActivitiesPerConversation = 1000;

    /// <summary>Matches the session idle expiry of a patient who walks away; a page that stays open keeps polling or streaming.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromHours(2);

    /// <summary>
    /// The server-side Direct Line secret (Bearer for <c>tokens/generate</c> and <c>conversations</c>). Optional: without it only
    /// the page's own token endpoint can mint tokens. Never sent to a browser.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Key for the HMAC-SHA256 token signature (at least 32 bytes of text or base64). When empty it is derived from
    /// <see cref="Secret"/>, or else a random per-process key is used (then several instances cannot share tokens).
    /// </summary>
    public string? TokenSigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    public int MaxActivitiesPerConversation { get; set; } = DefaultMaxActivitiesPerConversation;

    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;

    /// <summary>The bot's account in Direct Line conversations.</summary>
    public string BotId { get; set; } = "prescreenbot";

    public string BotName { get; set; } = "PrescreenBot";

    /// <summary>
    /// Public base URL (e.g. <c>https://screen.example.org</c>) used for <c>streamUrl</c> and <c>serviceUrl</c> when the
    /// service sits behind a proxy that changes scheme or host; empty = taken from each request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Origins allowed to call Direct Line from a browser; empty = any (the API uses bearer tokens, never cookies).</summary>
    public IList<string> AllowedOrigins { get; set; } = [];
}
