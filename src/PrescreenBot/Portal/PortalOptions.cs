namespace PrescreenBot.Portal;

/// <summary>
/// The <c>Portal</c> section: sign-in with Azure AD (Entra ID) and which coordinator sees which sites. The secret comes
/// only from configuration or the environment (<c>Portal__ClientSecret</c>), never from a file in the repository.
/// </summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>A working day: a coordinator signs in once in the morning, and a forgotten session ends by the evening.</summary>
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The tenant's OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>. A tenant id
    /// (not <c>common</c> or <c>organizations</c>): the id_token's issuer must equal the one the metadata names.
    /// Empty: the portal answers 503 "not configured".
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's application (client) id; also the id_token's required audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret, used to redeem the authorization code.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The metadata document; defaults to <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>How long a sign-in lasts; then the coordinator signs in again (silently while Azure AD's own session lasts).</summary>
    public TimeSpan SessionLifetime { get; set; } = DefaultSessionLifetime;

    /// <summary>Who may see which sites. Someone not listed may sign in but sees nothing (403).</summary>
    public List<PortalCoordinatorOptions> Coordinators { get; set; } = [];

    /// <summary>The keys still to set before anyone can sign in (empty when the portal is configured).</summary>
    public IReadOnlyList<string> MissingKeys()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Authority))
        {
            missing.Add($"{SectionName}:{nameof(Authority)}");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            missing.Add($"{SectionName}:{nameof(ClientId)}");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            missing.Add($"{SectionName}:{nameof(ClientSecret)}");
        }

        return missing;
    }

    /// <summary>The metadata document's address, once <see cref="Authority"/> is set.</summary>
    public string MetadataDocument() =>
        string.IsNullOrWhiteSpace(MetadataAddress)
            ? $"{Authority!.TrimEnd('/')}/.well-known/openid-configuration"
            : MetadataAddress;
}

/// <summary>
/// One coordinator: <see cref="User"/> is the Azure AD object id (recommended: never reassigned) or an e-mail address
/// (compared, ignoring case, with the id_token's <c>preferred_username</c> and <c>email</c>).
/// </summary>
public sealed class PortalCoordinatorOptions
{
    public string User { get; set; } = "";

    /// <summary>Site ids from <c>Sites[]</c>.</summary>
    public List<string> Sites { get; set; } = [];
}
