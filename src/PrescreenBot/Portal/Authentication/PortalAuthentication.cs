namespace PrescreenBot.Portal.Authentication;

/// <summary>Names the portal's sign-in shares: its cookie scheme, paths and the id_token claims it keeps.</summary>
public static class PortalAuthentication
{
    /// <summary>The cookie authentication scheme holding a signed-in coordinator.</summary>
    public const string Scheme = "PortalCookie";

    public const string CookieName = "PrescreenPortal";

    public const string SignInPath = "/portal/signin";

    /// <summary>The redirect URI to register in the app registration: <c>{public base URL}/portal/signin-oidc</c>.</summary>
    public const string CallbackPath = "/portal/signin-oidc";

    public const string SignOutPath = "/portal/signout";

    /// <summary>The first page after sign-in when none was asked for (or the one asked for was not ours).</summary>
    public const string HomePath = "/referrals";

    /// <summary>Azure AD's immutable object id of the user.</summary>
    public const string ObjectIdClaim = "oid";

    public const string SubjectClaim = "sub";

    public const string NameClaim = "name";

    public const string PreferredUsernameClaim = "preferred_username";

    public const string EmailClaim = "email";

    public const string TenantIdClaim = "tid";

    /// <summary>The id_token claims copied into the session cookie; nothing else is kept.</summary>
    public static IReadOnlyList<string> KeptClaims { get; } =
        [ObjectIdClaim, SubjectClaim, NameClaim, PreferredUsernameClaim, EmailClaim, TenantIdClaim];

    /// <summary>A path of ours to return to after sign-in; anything else (another host, <c>//evil</c>) becomes the home page.</summary>
    public static string LocalReturnPath(string? requested) =>
        requested is { Length: > 1 } path && path[0] == '/' && path[1] != '/' && path[1] != '\\' && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : HomePath;
}
