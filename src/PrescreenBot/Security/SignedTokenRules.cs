using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.Security;

/// <summary>
/// The checks every JWT we accept from an OpenID issuer must pass (Azure AD id_tokens at the portal, Bot Framework tokens
/// at <c>/api/messages</c>): signed with one of the issuer's published keys and an allowed algorithm, a valid issuer, our
/// audience, and a lifetime judged on our <see cref="TimeProvider"/> (testable) with <see cref="ClockSkew"/> either side.
/// </summary>
public static class SignedTokenRules
{
    /// <summary>Clocks of the issuer and of this host may differ a little; five minutes is what Azure AD and Bot Builder allow.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Validation parameters for tokens of <paramref name="issuers"/> for <paramref name="audience"/>.</summary>
    public static TokenValidationParameters Parameters(
        IEnumerable<string> issuers,
        string? audience,
        IEnumerable<SecurityKey> signingKeys,
        IEnumerable<string> algorithms,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = audience,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = algorithms,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, timeProvider.GetUtcNow().UtcDateTime),
        };
    }

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is { } notAfter
        && now <= notAfter.ToUniversalTime() + ClockSkew
        && (notBefore is not { } start || now >= start.ToUniversalTime() - ClockSkew);
}
