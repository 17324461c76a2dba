namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>
/// Caches an access token and fetches a new one a margin before it expires; concurrent callers share one fetch.
/// </summary>
public abstract class CachedTokenProvider(TimeProvider timeProvider) : IConnectorTokenProvider, IDisposable
{
    /// <summary>
    /// Refresh this long before expiry: Azure AD tokens live an hour, and a token that expires while a reply is in
    /// flight would fail that reply; five minutes also absorbs clock differences.
    /// </summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private AccessToken? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } token)
        {
            return token;
        }

        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _cached = fetched;
            return fetched.Value;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public void Dispose()
    {
        _fetchLock.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Fetches a new token from the identity provider.</summary>
    protected abstract Task<AccessToken> FetchAsync(CancellationToken cancellationToken);

    /// <summary>When a token that lives <paramref name="expiresIn"/> from now expires.</summary>
    protected DateTimeOffset ExpiresAt(TimeSpan expiresIn) => timeProvider.GetUtcNow() + expiresIn;

    private string? Fresh(AccessToken? token) =>
        token is not null && timeProvider.GetUtcNow() < token.ExpiresAt - RefreshMargin ? token.Value : null;

    /// <summary>A token and when it expires.</summary>
    protected sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);
}
