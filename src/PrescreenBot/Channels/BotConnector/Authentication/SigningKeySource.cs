using Microsoft.IdentityModel.Protocols;

namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>
/// The cached keys of one issuer (the Bot Connector's, or Azure AD's for the Emulator). Refreshed daily, as the Bot
/// Framework documentation asks, and early when a token names a key we do not know yet (key rollover) — at most once
/// per <see cref="MinimumRefreshInterval"/>, so tokens with made-up key ids cannot make us hammer the issuer.
/// </summary>
public sealed class SigningKeySource
{
    /// <summary>"Refresh the keys at least once every 24 hours" (Bot Connector authentication docs).</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(24);

    /// <summary>Bounds refetches caused by unknown key ids.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly ConfigurationManager<EndorsedSigningKeys> _manager;

    public SigningKeySource(string metadataUrl, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrEmpty(metadataUrl);
        MetadataUrl = metadataUrl;
        var documents = new HttpDocumentRetriever(httpClient) { RequireHttps = !IsLoopback(metadataUrl) };
        _manager = new ConfigurationManager<EndorsedSigningKeys>(metadataUrl, new EndorsedSigningKeysRetriever(), documents)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = MinimumRefreshInterval,
        };
    }

    public string MetadataUrl { get; }

    /// <summary>The keys, fetching them on first use; when <paramref name="keyId"/> is not among them, one early refresh.</summary>
    public async Task<EndorsedSigningKeys> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        var keys = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (keyId is null || keys.HasKey(keyId))
        {
            return keys;
        }

        _manager.RequestRefresh();
        return await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plain HTTP is accepted only from this machine (a local test issuer); anything remote must be HTTPS.</summary>
    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
