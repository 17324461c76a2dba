using Microsoft.Extensions.Options;
using PrescreenBot.Channels.BotConnector.Authentication;

namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>
/// UserAssignedMSI bots: the token comes from the managed identity endpoint of the machine the bot runs on — App
/// Service/Container Apps (<c>IDENTITY_ENDPOINT</c> + <c>IDENTITY_HEADER</c>, api-version 2019-08-01) or else Azure's
/// instance metadata service (api-version 2018-02-01, header <c>Metadata: true</c>) — for the identity whose client id
/// is <c>MicrosoftAppId</c>, resource <c>https://api.botframework.com</c>.
/// </summary>
public sealed class ManagedIdentityTokenProvider(
    IOptions<BotAuthenticationOptions> options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    IManagedIdentityEnvironment environment)
    : CachedTokenProvider(timeProvider)
{
    private readonly BotAuthenticationOptions _options = options.Value;

    /// <summary>The resource (not scope) form of the Connector audience, which managed identity endpoints expect.</summary>
    public string Resource => _options.ToChannelFromBotOAuthScope.EndsWith("/.default", StringComparison.Ordinal)
        ? _options.ToChannelFromBotOAuthScope[..^"/.default".Length]
        : _options.ToChannelFromBotOAuthScope;

    protected override async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = BuildRequest();
        using var response = await httpClientFactory.CreateClient(ConnectorClient.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var (token, expiresIn) = await TokenResponse.ReadAsync(response, "The managed identity endpoint", cancellationToken).ConfigureAwait(false);
        return new AccessToken(token, ExpiresAt(expiresIn));
    }

    private HttpRequestMessage BuildRequest()
    {
        var clientId = Uri.EscapeDataString(_options.MicrosoftAppId!);
        var resource = Uri.EscapeDataString(Resource);
        if (environment.IdentityEndpoint is { Length: > 0 } endpoint && environment.IdentityHeader is { Length: > 0 } header)
        {
            var appService = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}?api-version=2019-08-01&resource={resource}&client_id={clientId}");
            appService.Headers.Add("X-IDENTITY-HEADER", header);
            return appService;
        }

        var imds = new HttpRequestMessage(HttpMethod.Get, $"{_options.ManagedIdentityEndpoint}?api-version=2018-02-01&resource={resource}&client_id={clientId}");
        imds.Headers.Add("Metadata", "true");
        return imds;
    }
}

/// <summary>What the hosting platform tells a process about its managed identity endpoint (environment variables).</summary>
public interface IManagedIdentityEnvironment
{
    string? IdentityEndpoint { get; }

    string? IdentityHeader { get; }
}

/// <summary>Reads <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>, set by App Service and Container Apps.</summary>
public sealed class ProcessManagedIdentityEnvironment : IManagedIdentityEnvironment
{
    public string? IdentityEndpoint => Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");

    public string? IdentityHeader => Environment.GetEnvironmentVariable("IDENTITY_HEADER");
}
