using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Portal;

/// <summary>
/// A stand-in for an Azure AD tenant over real HTTP on loopback: the v2.0 metadata document, its keys, and a token
/// endpoint that redeems codes the test issued — only for the right client id and secret, redirect URI and PKCE
/// verifier (S256 of the challenge the portal sent). The test decides which id_token each code yields. Metadata, keys and
/// token minting are a <see cref="LocalOpenIdIssuer"/>'s, laid out as a v2.0 tenant.
/// </summary>
public sealed class LocalAzureAdIssuer : IAsyncDisposable
{
    public const string TenantId = "7d1f6a52-3c1b-4f5e-9a0e-5a3b0c2d9e11";
    public const string ClientId = "0c8a4b7e-1111-4d2f-8e6a-portal000001";
    public const string ClientSecret = "portal-test-client-secret";

    private const string AuthorizePath = TenantId + "/oauth2/v2.0/authorize";
    private const string TokenPath = TenantId + "/oauth2/v2.0/token";

    /// <summary>Where a v2.0 tenant serves its documents, and the code flow it offers.</summary>
    private static readonly OpenIdIssuerLayout Layout = new()
    {
        MetadataPath = TenantId + "/v2.0/.well-known/openid-configuration",
        KeysPath = TenantId + "/discovery/v2.0/keys",
        Endpoints = new Dictionary<string, string>
        {
            ["authorization_endpoint"] = AuthorizePath,
            ["token_endpoint"] = TokenPath,
        },
        Entries = new Dictionary<string, object> { ["response_types_supported"] = new[] { "code" } },
    };

    private readonly LocalOpenIdIssuer _tenant;
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);

    private LocalAzureAdIssuer(LocalOpenIdIssuer tenant) => _tenant = tenant;

    /// <summary>The issuer named in the metadata, as Azure AD names a tenant's v2.0 issuer.</summary>
    public static string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public Uri MetadataUrl => _tenant.MetadataUrl;

    public Uri AuthorizeEndpoint => new(_tenant.BaseAddress, AuthorizePath);

    /// <summary>How many codes the token endpoint redeemed (each at most once).</summary>
    public int Redeemed => _redeemed;

    private int _redeemed;

    /// <summary>A key this tenant never published: what a forger would sign with.</summary>
    public static SecurityKey UnpublishedKey => LocalOpenIdIssuer.UnpublishedKey;

    public static async Task<LocalAzureAdIssuer> StartAsync()
    {
        LocalAzureAdIssuer? self = null;
        var tenant = await LocalOpenIdIssuer.StartAsync(Issuer, [LocalOpenIdIssuer.PublishedKey.Create("tenant-key")], Layout, app =>
            // HttpRequest, not HttpContext: a lambda over HttpContext would bind as a RequestDelegate and drop the result.
            app.MapPost("/" + TokenPath, (HttpRequest request) => self!.RedeemAsync(request)));
        self = new LocalAzureAdIssuer(tenant);
        return self;
    }

    /// <summary>
    /// An authorization code for the sign-in the portal started (its challenge and redirect URI), yielding
    /// <paramref name="idToken"/> when redeemed correctly.
    /// </summary>
    public string IssueCode(string codeChallenge, string redirectUri, string idToken)
    {
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = new IssuedCode(codeChallenge, redirectUri, idToken);
        return code;
    }

    /// <summary>An id_token as Azure AD would issue it for the portal's app; every part can be spoiled for negative tests.</summary>
    public string CreateIdToken(
        string nonce,
        string objectId,
        string? preferredUsername = null,
        string name = "Test Coordinator",
        string audience = ClientId,
        string? issuer = null,
        SecurityKey? signingKey = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["nonce"] = nonce,
            ["oid"] = objectId,
            ["sub"] = "sub-" + objectId,
            ["tid"] = TenantId,
            ["name"] = name,
            ["ver"] = "2.0",
        };
        if (preferredUsername is not null)
        {
            claims["preferred_username"] = preferredUsername;
        }

        return _tenant.CreateToken(audience, claims, issuer, signingKey, notBefore, expires);
    }

    public ValueTask DisposeAsync() => _tenant.DisposeAsync();

    private async Task<IResult> RedeemAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        // Codes are single-use, as at Azure AD.
        if (!_codes.TryRemove(form["code"].ToString(), out var issued))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var verifier = form["code_verifier"].ToString();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (verifier.Length < 43 || challenge != issued.CodeChallenge || form["redirect_uri"] != issued.RedirectUri)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        Interlocked.Increment(ref _redeemed);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["id_token"] = issued.IdToken,
            ["access_token"] = "unused-access-token",
            ["expires_in"] = 3600,
        });
    }

    private sealed record IssuedCode(string CodeChallenge, string RedirectUri, string IdToken);
}
