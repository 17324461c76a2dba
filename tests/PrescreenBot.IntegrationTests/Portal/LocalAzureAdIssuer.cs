using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Portal;

/// <summary>
/// A stand-in for an Azure AD tenant over real HTTP on loopback: the v2.0 metadata document, its keys, and a token
/// endpoint that redeems codes the test issued — only for the right client id and secret, redirect URI and PKCE
/// verifier (S256 of the challenge the portal sent). The test decides which id_token each code yields.
/// </summary>
public sealed class LocalAzureAdIssuer : IAsyncDisposable
{
    public const string TenantId = "7d1f6a52-3c1b-4f5e-9a0e-5a3b0c2d9e11";
    public const string ClientId = "0c8a4b7e-1111-4d2f-8e6a-portal000001";
    public const string ClientSecret = "portal-test-client-secret";

    private const string MetadataPath = TenantId + "/v2.0/.well-known/openid-configuration";

    private readonly LoopbackServer _server;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, IssuedCode> _codes;

    private LocalAzureAdIssuer(LoopbackServer server, RsaSecurityKey key, ConcurrentDictionary<string, IssuedCode> codes)
    {
        _server = server;
        _key = key;
        _codes = codes;
    }

    /// <summary>The issuer named in the metadata, as Azure AD names a tenant's v2.0 issuer.</summary>
    public static string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public Uri MetadataUrl => new(_server.BaseAddress, MetadataPath);

    public Uri AuthorizeEndpoint => new(_server.BaseAddress, TenantId + "/oauth2/v2.0/authorize");

    /// <summary>How many codes the token endpoint redeemed (each at most once).</summary>
    public int Redeemed => _redeemed;

    private int _redeemed;

    /// <summary>A key this tenant never published: what a forger would sign with.</summary>
    public static SecurityKey UnpublishedKey { get; } = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forger-key" };

    public static async Task<LocalAzureAdIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "tenant-key-" + Guid.NewGuid().ToString("N") };
        var codes = new ConcurrentDictionary<string, IssuedCode>(StringComparer.Ordinal);
        LocalAzureAdIssuer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/" + MetadataPath, (HttpContext http) =>
            {
                var root = $"{http.Request.Scheme}://{http.Request.Host}/{TenantId}";
                return Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
                    ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
                    ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
                    ["response_types_supported"] = new[] { "code" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                });
            });
            app.MapGet($"/{TenantId}/discovery/v2.0/keys", () => Results.Json(new { keys = new[] { Jwk(key) } }));
            // HttpRequest, not HttpContext: a lambda over HttpContext would bind as a RequestDelegate and drop the result.
            app.MapPost($"/{TenantId}/oauth2/v2.0/token", (HttpRequest request) => self!.RedeemAsync(request));
        });
        self = new LocalAzureAdIssuer(server, key, codes);
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
        var now = DateTimeOffset.UtcNow;
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

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
            Claims = claims,
            Subject = new ClaimsIdentity(),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

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

    private static Dictionary<string, object> Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId!,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    private sealed record IssuedCode(string CodeChallenge, string RedirectUri, string IdToken);
}
