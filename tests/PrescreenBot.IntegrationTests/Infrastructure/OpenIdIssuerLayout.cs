namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>Where a <see cref="LocalOpenIdIssuer"/> serves its metadata and keys, and what else its metadata names.</summary>
public sealed record OpenIdIssuerLayout
{
    /// <summary>Like login.botframework.com: metadata and keys under <c>v1/.well-known/</c>, nothing more.</summary>
    public static OpenIdIssuerLayout BotFramework { get; } = new()
    {
        MetadataPath = "v1/.well-known/openidconfiguration",
        KeysPath = "v1/.well-known/keys",
    };

    /// <summary>Path of the metadata document under the server root.</summary>
    public required string MetadataPath { get; init; }

    /// <summary>Path of the JWKS under the server root.</summary>
    public required string KeysPath { get; init; }

    /// <summary>Further endpoints the metadata names (e.g. <c>token_endpoint</c>), as paths under the server root.</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    /// <summary>Further metadata entries, served as they are (e.g. <c>response_types_supported</c>).</summary>
    public IReadOnlyDictionary<string, object> Entries { get; init; } = new Dictionary<string, object>();
}
