namespace PrescreenBot.Referrals.Sites;

/// <summary>
/// One study site as configured under <c>Sites[]</c>. The shape is a contract that checks outside the project
/// rely on; mutable because the configuration binder fills it.
/// </summary>
public sealed class SiteOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string Country { get; set; } = "";
    public List<string> Trials { get; set; } = [];
    public List<SiteContactOptions> Contacts { get; set; } = [];
    public SiteDeliveryOptions Delivery { get; set; } = new();
}

/// <summary>A person at the site, shown to staff (never to patients' logs).</summary>
public sealed class SiteContactOptions
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>Where a site's referrals go; every configured channel gets its own outbox row.</summary>
public sealed class SiteDeliveryOptions
{
    public List<string> Email { get; set; } = [];
    public WebhookTargetOptions? Webhook { get; set; }
    public TeamsTargetOptions? Teams { get; set; }
}

/// <summary>A Standard Webhooks receiver: the URL and the signing secret (<c>whsec_</c>+base64, or raw text).</summary>
public sealed class WebhookTargetOptions
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
}

/// <summary>A Teams channel conversation reached through the Bot Connector.</summary>
public sealed class TeamsTargetOptions
{
    public string? ServiceUrl { get; set; }
    public string? ConversationId { get; set; }
}
