namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>
/// The bot's identity and the Bot Framework endpoints it trusts. Bound from the configuration ROOT, with Bot Framework's
/// own key names (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>,
/// and the <c>ToBotFrom…</c>/<c>ToChannelFrom…</c> overrides Bot Builder's configuration authentication reads), so an
/// existing Azure Bot configuration works unchanged. The URLs are overridable so tests can run a local issuer.
/// </summary>
public sealed record BotAuthenticationOptions
{
    /// <summary>Where Bot Connector channels publish the keys they sign with (with per-key channel endorsements).</summary>
    public const string DefaultChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The only issuer of channel tokens.</summary>
    public const string DefaultChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>Azure AD's v2 metadata (Bot Builder's choice) — the Emulator's tokens are AAD tokens.</summary>
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Authority of multi-tenant bots' outbound tokens; single-tenant bots use their own tenant instead.</summary>
    public const string DefaultMultiTenantLoginUrl = "https://login.microsoftonline.com/botframework.com";

    /// <summary>Azure AD authority host for single-tenant bots (<c>{host}/{tenant}</c>).</summary>
    public const string DefaultLoginHost = "https://login.microsoftonline.com";

    /// <summary>The audience of tokens the bot presents to the Connector.</summary>
    public const string DefaultChannelOAuthScope = "https://api.botframework.com/.default";

    /// <summary>Azure Instance Metadata Service: where a VM/container asks for its managed identity's token.</summary>
    public const string DefaultManagedIdentityEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    public MicrosoftAppType MicrosoftAppType { get; init; } = MicrosoftAppType.MultiTenant;

    /// <summary>Empty = authentication disabled (local runs, the Emulator without credentials).</summary>
    public string? MicrosoftAppId { get; init; }

    public string? MicrosoftAppPassword { get; init; }

    public string? MicrosoftAppTenantId { get; init; }

    public string ToBotFromChannelOpenIdMetadataUrl { get; init; } = DefaultChannelOpenIdMetadataUrl;

    public string ToBotFromChannelTokenIssuer { get; init; } = DefaultChannelTokenIssuer;

    public string ToBotFromEmulatorOpenIdMetadataUrl { get; init; } = DefaultEmulatorOpenIdMetadataUrl;

    /// <summary>Authority for outbound tokens; default depends on <see cref="MicrosoftAppType"/>.</summary>
    public string? ToChannelFromBotLoginUrl { get; init; }

    public string ToChannelFromBotOAuthScope { get; init; } = DefaultChannelOAuthScope;

    public string ManagedIdentityEndpoint { get; init; } = DefaultManagedIdentityEndpoint;

    /// <summary>True when an app id is configured: every request must then carry a valid token.</summary>
    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The authority outbound (client-credentials) tokens come from.</summary>
    public string LoginAuthority =>
        ToChannelFromBotLoginUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : MicrosoftAppType == MicrosoftAppType.SingleTenant ? $"{DefaultLoginHost}/{MicrosoftAppTenantId}"
        : DefaultMultiTenantLoginUrl;
}
