using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// An OpenID issuer over real HTTP, like login.botframework.com: a metadata document, and a JWKS whose keys carry
/// Bot Framework <c>endorsements</c>. Mints tokens with its published keys, or with a key it never published (forgeries).
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string MetadataPath = "v1/.well-known/openidconfiguration";
    public const string KeysPath = "v1/.well-known/keys";

    private readonly LoopbackServer _server;

    private LocalOpenIdIssuer(LoopbackServer server, string issuer, IReadOnlyList<PublishedKey> keys)
    {
        _server = server;
        Issuer = issuer;
        Keys = keys;
    }

    /// <summary>The issuer name written in the metadata (tokens may claim another, to test issuer checks).</summary>
    public string Issuer { get; }

    public IReadOnlyList<PublishedKey> Keys { get; }

    public Uri MetadataUrl => new(_server.BaseAddress, MetadataPath);

    /// <summary>How many times the keys were fetched (caching checks).</summary>
    public int KeyFetches => _keyFetches;

    private int _keyFetches;

    /// <summary>A key this issuer never published: what a forger would sign with.</summary>
    public static SecurityKey UnpublishedKey { get; } = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forger-key" };

    /// <summary>Starts an issuer publishing one key per entry of <paramref name="endorsementsPerKey"/> (null = no endorsements).</summary>
    public static async Task<LocalOpenIdIssuer> StartAsync(string issuer, params string[]?[] endorsementsPerKey)
    {
        var keys = endorsementsPerKey.Select((endorsements, i) => new PublishedKey(new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"key-{i}-{Guid.NewGuid():N}" }, endorsements)).ToList();
        LocalOpenIdIssuer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/" + MetadataPath, (HttpContext http) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = new Uri(new Uri($"{http.Request.Scheme}://{http.Request.Host}/"), KeysPath).ToString(),
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            app.MapGet("/" + KeysPath, () =>
            {
                Interlocked.Increment(ref self!._keyFetches);
                return Results.Json(new { keys = keys.Select(k => k.ToJwk()) });
            });
        });
        self = new LocalOpenIdIssuer(server, issuer, keys);
        return self;
    }

    /// <summary>A signed JWT; <paramref name="signingKey"/> defaults to the first published key.</summary>
    public string CreateToken(
        string audience,
        IDictionary<string, object>? claims = null,
        string? issuer = null,
        SecurityKey? signingKey = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey ?? Keys[0].Key, algorithm),
            Claims = claims ?? new Dictionary<string, object>(),
            Subject = new ClaimsIdentity(),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>A published key and the channels it is endorsed for.</summary>
    public sealed record PublishedKey(RsaSecurityKey Key, IReadOnlyList<string>? Endorsements)
    {
        public Dictionary<string, object> ToJwk()
        {
            var parameters = Key.Rsa.ExportParameters(includePrivateParameters: false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = Key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (Endorsements is not null)
            {
                jwk["endorsements"] = Endorsements;
            }

            return jwk;
        }
    }
}
