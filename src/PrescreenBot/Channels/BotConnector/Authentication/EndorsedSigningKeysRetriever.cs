using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>
/// Reads an OpenID metadata document, then its <c>jwks_uri</c>, keeping each key's <c>endorsements</c> (which the
/// standard OpenID configuration type drops). Used through <see cref="ConfigurationManager{T}"/> for caching and refresh.
/// </summary>
public sealed class EndorsedSigningKeysRetriever : IConfigurationRetriever<EndorsedSigningKeys>
{
    public async Task<EndorsedSigningKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var metadataJson = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        string? issuer;
        string jwksUri;
        using (var metadata = JsonDocument.Parse(metadataJson))
        {
            var root = metadata.RootElement;
            issuer = root.TryGetProperty("issuer", out var iss) && iss.ValueKind == JsonValueKind.String ? iss.GetString() : null;
            jwksUri = root.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");
        }

        var jwksJson = await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false);
        var keys = new JsonWebKeySet(jwksJson).GetSigningKeys();
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var jwks = JsonDocument.Parse(jwksJson))
        {
            if (jwks.RootElement.TryGetProperty("keys", out var keyArray) && keyArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in keyArray.EnumerateArray())
                {
                    if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                        && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        endorsements[kid.GetString()!] = list.EnumerateArray()
                            .Where(e => e.ValueKind == JsonValueKind.String)
                            .Select(e => e.GetString()!)
                            .ToArray();
                    }
                }
            }
        }

        return new EndorsedSigningKeys(issuer, [.. keys], endorsements);
    }
}
