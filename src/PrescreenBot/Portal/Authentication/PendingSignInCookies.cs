using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace PrescreenBot.Portal.Authentication;

/// <summary>
/// Keeps a <see cref="PendingSignIn"/> in an encrypted, HttpOnly cookie named after its state, so several tabs can
/// sign in at once and a callback whose state this browser never started finds nothing. Each cookie is read once.
/// </summary>
public sealed class PendingSignInCookies(IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    /// <summary>Time enough to type a password and approve a second factor; an abandoned sign-in is useless after it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string NamePrefix = "PrescreenPortal.SignIn.";

    /// <summary>The length of a state we issue (base64url of 32 bytes); anything else is not ours.</summary>
    private const int StateLength = 43;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("PrescreenBot.Portal.PendingSignIn.v1");

    public PendingSignIn Start(HttpContext http, string? returnPath)
    {
        ArgumentNullException.ThrowIfNull(http);
        var pending = PendingSignIn.Start(returnPath ?? PortalAuthentication.HomePath, timeProvider.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(NamePrefix + pending.State, _protector.Protect(JsonSerializer.Serialize(pending)), Options(http));
        return pending;
    }

    /// <summary>The sign-in this browser started with <paramref name="state"/>, removed as it is read; null when unknown, tampered or expired.</summary>
    public PendingSignIn? Take(HttpContext http, string? state)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (state is not { Length: StateLength } || !Base64Url.IsValid(state))
        {
            return null;
        }

        var name = NamePrefix + state;
        if (!http.Request.Cookies.TryGetValue(name, out var protectedValue))
        {
            return null;
        }

        http.Response.Cookies.Delete(name, Options(http));
        PendingSignIn? pending;
        try
        {
            pending = JsonSerializer.Deserialize<PendingSignIn>(_protector.Unprotect(protectedValue));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }

        return pending is not null
            && string.Equals(pending.State, state, StringComparison.Ordinal)
            && pending.ExpiresAt > timeProvider.GetUtcNow()
            ? pending
            : null;
    }

    /// <summary>
    /// Only sent back to the callback; Lax so Azure AD's top-level redirect back carries it; Secure whenever we are on https.
    /// </summary>
    private static CookieOptions Options(HttpContext http) => new()
    {
        Path = PortalAuthentication.CallbackPath,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        MaxAge = Lifetime,
        IsEssential = true,
    };
}
