using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PrescreenBot.Security;

namespace PrescreenBot.Portal.Authentication;

/// <summary>
/// Our side of the OpenID Connect authorization-code flow with PKCE against Azure AD: the authorization URL, the code
/// redemption (client secret + code verifier), and the id_token checks — signature with the published keys, issuer
/// from the metadata, audience = our client id, lifetime on our clock, and the nonce we sent.
/// </summary>
public sealed class PortalOpenIdConnectClient
{
    /// <summary>Name of the HttpClient for metadata, keys and the token endpoint.</summary>
    public const string HttpClientName = "PortalOpenIdConnect";

    /// <summary>Who the coordinator is (openid), their name and username (profile, incl. oid), and e-mail.</summary>
    private const string Scopes = "openid profile email";

    /// <summary>Azure AD signs id_tokens with RS256.</summary>
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly PortalOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<ConfigurationManager<OpenIdConnectConfiguration>> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public PortalOpenIdConnectClient(IOptions<PortalOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _metadata = new Lazy<ConfigurationManager<OpenIdConnectConfiguration>>(CreateMetadataManager);
    }

    /// <summary>Where to send the browser to sign in: Azure AD's authorization endpoint with state, nonce and the S256 challenge.</summary>
    public async Task<Uri> AuthorizationUrlAsync(PendingSignIn pending, string redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var configuration = await _metadata.Value.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var url = QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["client_id"] = _options.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["response_mode"] = "query",
            ["scope"] = Scopes,
            ["state"] = pending.State,
            ["nonce"] = pending.Nonce,
            ["code_challenge"] = pending.CodeChallenge,
            ["code_challenge_method"] = "S256",
        });
        return new Uri(url);
    }

    /// <summary>Redeems the code and checks the id_token; the signed-in identity, or the reason (a code, no token content) it was refused.</summary>
    public async Task<PortalSignInResult> RedeemAsync(string code, PendingSignIn pending, string redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var configuration = await _metadata.Value.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var (idToken, tokenError) = await RequestIdTokenAsync(configuration.TokenEndpoint, code, pending.CodeVerifier, redirectUri, cancellationToken).ConfigureAwait(false);
        if (idToken is null)
        {
            return PortalSignInResult.Refused(tokenError!);
        }

        var result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration)).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Azure AD rolls its keys: a token signed with a key newer than our cached metadata gets one fresh look.
            _metadata.Value.RequestRefresh();
            configuration = await _metadata.Value.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration)).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            return PortalSignInResult.Refused("id_token_" + (result.Exception?.GetType().Name ?? "invalid"));
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedTimeEquals(nonce, pending.Nonce))
        {
            return PortalSignInResult.Refused("id_token_nonce_mismatch");
        }

        // OpenID Connect Core 3.1.3.7: a token for several audiences must name us as the party it was issued to.
        if (token.Audiences.Skip(1).Any()
            && !(token.TryGetPayloadValue<string>("azp", out var authorizedParty) && string.Equals(authorizedParty, _options.ClientId, StringComparison.Ordinal)))
        {
            return PortalSignInResult.Refused("id_token_azp_mismatch");
        }

        var claims = new List<Claim>();
        foreach (var type in PortalAuthentication.KeptClaims)
        {
            if (token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrEmpty(value))
            {
                claims.Add(new Claim(type, value));
            }
        }

        var identity = new ClaimsIdentity(claims, PortalAuthentication.Scheme, PortalAuthentication.NameClaim, "roles");
        return PortalSignInResult.SignedIn(new ClaimsPrincipal(identity));
    }

    private async Task<(string? IdToken, string? Error)> RequestIdTokenAsync(
        string tokenEndpoint, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = _options.ClientId!,
            ["client_secret"] = _options.ClientSecret!,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
            ["scope"] = Scopes,
        });
        using var response = await _httpClientFactory.CreateClient(HttpClientName).PostAsync(tokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? idToken = null;
        string? error = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                idToken = json.RootElement.TryGetProperty("id_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
                error = json.RootElement.TryGetProperty("error", out var errorCode) && errorCode.ValueKind == JsonValueKind.String ? errorCode.GetString() : null;
            }
        }
        catch (JsonException)
        {
            error = "unreadable_response";
        }

        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(idToken))
        {
            // The OAuth error code (e.g. invalid_grant) says what went wrong without any user data.
            return (null, $"token_endpoint_{(int)response.StatusCode}_{OAuthErrorCode(error)}");
        }

        return (idToken, null);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) =>
        SignedTokenRules.Parameters([configuration.Issuer], _options.ClientId, configuration.SigningKeys, AllowedAlgorithms, _timeProvider);

    private ConfigurationManager<OpenIdConnectConfiguration> CreateMetadataManager()
    {
        var address = _options.MetadataDocument();
        var retriever = new HttpDocumentRetriever(_httpClientFactory.CreateClient(HttpClientName))
        {
            // The options validator allows plain http only on loopback (a local test issuer).
            RequireHttps = !new Uri(address).IsLoopback,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Only the characters an OAuth error code may have (RFC 6749 §5.2), so a hostile endpoint cannot inject into logs.</summary>
    private static string OAuthErrorCode(string? error) =>
        string.IsNullOrEmpty(error) ? "none" : new string(error.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(64).ToArray());

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}

/// <summary>The outcome of a callback: a principal to sign in, or a refusal reason fit for logs (a code, never token content).</summary>
public sealed record PortalSignInResult(ClaimsPrincipal? Principal, string? Failure)
{
    public static PortalSignInResult SignedIn(ClaimsPrincipal principal) => new(principal, null);

    public static PortalSignInResult Refused(string failure) => new(null, failure);
}
