using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.Portal.Authentication;

/// <summary>
/// One sign-in in flight: the <c>state</c> that ties Azure AD's answer to this browser, the <c>nonce</c> the id_token
/// must carry back, and the PKCE code verifier only we know. Kept in a protected cookie between the two redirects.
/// </summary>
public sealed record PendingSignIn
{
    /// <summary>Random bytes in each of state, nonce and verifier: 256 bits, far beyond guessing.</summary>
    private const int RandomBytes = 32;

    public required string State { get; init; }
    public required string Nonce { get; init; }
    public required string CodeVerifier { get; init; }
    public required string ReturnPath { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The PKCE S256 challenge: base64url(SHA-256(ASCII(verifier))).</summary>
    public string CodeChallenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public static PendingSignIn Start(string returnPath, DateTimeOffset expiresAt) => new()
    {
        State = NewRandom(),
        Nonce = NewRandom(),
        CodeVerifier = NewRandom(),
        ReturnPath = PortalAuthentication.LocalReturnPath(returnPath),
        ExpiresAt = expiresAt,
    };

    /// <summary>43 characters of base64url: valid as a PKCE verifier (RFC 7636: 43–128 unreserved characters) and in a cookie name.</summary>
    private static string NewRandom() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RandomBytes));
}
