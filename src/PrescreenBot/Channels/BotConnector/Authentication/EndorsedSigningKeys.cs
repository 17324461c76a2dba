using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.Channels.BotConnector.Authentication;

/// <summary>
/// One issuer's published signing keys. Bot Framework adds an <c>endorsements</c> list to each key: the channel ids the
/// key may sign for, so a key held by one channel cannot vouch for another.
/// </summary>
public sealed class EndorsedSigningKeys(string? issuer, IReadOnlyList<SecurityKey> keys, IReadOnlyDictionary<string, IReadOnlyList<string>> endorsementsByKeyId)
{
    /// <summary>The issuer the metadata document names (informational: issuers are validated against configuration).</summary>
    public string? Issuer { get; } = issuer;

    public IReadOnlyList<SecurityKey> Keys { get; } = keys;

    /// <summary>The endorsements of the key with <paramref name="keyId"/>; null when it has none or is unknown.</summary>
    public IReadOnlyList<string>? EndorsementsOf(string? keyId) =>
        keyId is not null && endorsementsByKeyId.TryGetValue(keyId, out var endorsements) ? endorsements : null;

    public bool HasKey(string? keyId) => keyId is not null && Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
}
