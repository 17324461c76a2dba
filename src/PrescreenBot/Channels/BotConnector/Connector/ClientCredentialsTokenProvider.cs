using Microsoft.Extensions.Options;
using PrescreenBot.Channels.BotConnector.Authentication;

namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>
/// MultiTenant / SingleTenant bots: the OAuth 2.0 client-credentials grant against
/// <c>{authority}/oauth2/v2.0/token</c> with scope <c>https://api.botframework.com/.default</c>.
/// </summary>
public sealed class ClientCredentialsTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    : CachedTokenProvider(timeProvider)
{
    private readonly BotAuthenticationOptions _options = options.Value;

    public Uri TokenEndpoint => new($"{_options.LoginAuthority}/oauth2/v2.0/token");

    protected override async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.MicrosoftAppId!,
                ["client_secret"] = _options.MicrosoftAppPassword ?? string.Empty,
                ["scope"] = _options.ToChannelFromBotOAuthScope,
            }),
        };
        using var response = await httpClientFactory.CreateClient(ConnectorClient.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var (token, expiresIn) = await TokenResponse.ReadAsync(response, "Azure AD", cancellationToken).ConfigureAwait(false);
        return new AccessToken(token, ExpiresAt(expiresIn));
    }
}
