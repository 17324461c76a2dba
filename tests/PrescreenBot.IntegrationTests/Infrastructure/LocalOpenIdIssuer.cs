using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// An OpenID issuer over real HTTP, like login.botframework.com: a metadata document, and a JWKS whose keys may carry
/// Bot Framework <c>endorsements</c>. Mints tokens with its published keys, or with a key it never published (forgeries).
/// Other issuers (an Azure AD tenant) start it with their own <see cref="OpenIdIssuerLayout"/> and endpoints.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly OpenIdIssuerLayout _layout;

    private LocalOpenIdIssuer(LoopbackServer server, OpenIdIssuerLayout layout, string issuer, IReadOnlyList<PublishedKey> keys)
    {
        _server = server;
        _layout = layout;
        Issuer = issuer;
        Keys = keys;
    }

    /// <summary>The issuer name written in the metadata (tokens may claim another, to test issuer checks).</summary>
    public string Issuer { get; }

    public IReadOnlyList<PublishedKey> Keys { get; }

    public Uri BaseAddress => _server.BaseAddress;

    public Uri MetadataUrl => new(_server.BaseAddress, _layout.MetadataPath);

    /// <summary>How many times the keys were fetched (caching checks).</summary>
    public int KeyFetches => _keyFetches;

    private int _keyFetches;

    /// <summary>A key this issuer never published: what a forger would sign with.</summary>
    public static SecurityKey UnpublishedKey { get; } = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forger-key" };

    /// <summary>Starts an issuer publishing one key per entry of <paramref name="endorsementsPerKey"/> (null = no endorsements).</summary>
    public static Task<LocalOpenIdIssuer> StartAsync(string issuer, params string[]?[] endorsementsPerKey) =>
        StartAsync(issuer, endorsementsPerKey.Select((endorsements, i) => PublishedKey.Create($"key-{i}", endorsements)).ToList(), OpenIdIssuerLayout.BotFramework);

    /// <summary>Starts an issuer publishing <paramref name="keys"/> as <paramref name="layout"/> says; <paramref name="mapMore"/> serves its other endpoints.</summary>
    public static async Task<LocalOpenIdIssuer> StartAsync(string issuer, IReadOnlyList<PublishedKey> keys, OpenIdIssuerLayout layout, Action<WebApplication>? mapMore = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        LocalOpenIdIssuer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/" + layout.MetadataPath, (HttpContext http) =>
            {
                var root = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
                var metadata = new Dictionary<string, object>(layout.Entries)
                {
                    ["issuer"] = issuer,
                    ["jwks_uri"] = new Uri(root, layout.KeysPath).ToString(),
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                };
                foreach (var (name, path) in layout.Endpoints)
                {
                    metadata[name] = new Uri(root, path).ToString();
                }

                return Results.Json(metadata);
            });
            app.MapGet("/" + layout.KeysPath, () =>
            {
                Interlocked.Increment(ref self!._keyFetches);
                return Results.Json(new { keys = keys.Select(k => k.ToJwk()) });
            });
            mapMore?.Invoke(app);
        });
        self = new LocalOpenIdIssuer(server, layout, issuer, keys);
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
        /// <summary>A fresh RSA key whose id starts with <paramref name="keyIdPrefix"/> and is unique.</summary>
        public static PublishedKey Create(string keyIdPrefix, IReadOnlyList<string>? endorsements = null) =>
            new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"{keyIdPrefix}-{Guid.NewGuid():N}" }, endorsements);

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
