using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.Channels.DirectLine.Tokens;

/// <summary>
/// Mints and checks Direct Line tokens: HMAC-SHA256 JWTs carrying <c>user</c> and <c>conv</c>, scoped to one conversation,
/// expiring after <see cref="DirectLineOptions.TokenLifetime"/>. Web Chat reads the <c>user</c> claim to learn its user id.
/// Expiry is judged with the injected <see cref="TimeProvider"/>, not the library's clock, so it is testable.
/// </summary>
public sealed class DirectLineTokenService
{
    public const string UserClaim = "user";
    public const string ConversationClaim = "conv";
    private const string Issuer = "PrescreenBot.DirectLine";
    private const string Audience = "directline";

    /// <summary>Fixed context string so a key derived from the secret is only ever a token-signing key.</summary>
    private const string SecretDerivationLabel = "PrescreenBot Direct Line token signing v1";

    private const int MinimumKeyBytes = 32;

    /// <summary>
    /// Tokens whose signature was checked, kept so each later request with the same token costs a lookup instead of a
    /// JWT parse and HMAC (a few % of a Direct Line turn's CPU). A token's claims never change and expiry is still judged
    /// on every request, so the answer is the same. Enough for every conversation active at once; past it, start afresh.
    /// </summary>
    private const int MaxCheckedTokens = 10_000;

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _validation;
    private readonly byte[]? _secret;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, DirectLineTokenClaims> _checked = new(StringComparer.Ordinal);

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokenService> logger)
    {
        var settings = options.Value;
        _time = time;
        _lifetime = settings.TokenLifetime > TimeSpan.Zero ? settings.TokenLifetime : DirectLineOptions.DefaultTokenLifetime;
        _secret = string.IsNullOrEmpty(settings.Secret) ? null : Encoding.UTF8.GetBytes(settings.Secret);

        var key = new SymmetricSecurityKey(SigningKeyBytes(settings, logger));
        _signing = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            // Lifetime is checked below against the injected clock.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        };
    }

    public bool HasSecret => _secret is not null;

    /// <summary>True when <paramref name="candidate"/> is the configured secret (constant-time comparison).</summary>
    public bool IsSecret(string candidate) =>
        _secret is not null && CryptographicOperations.FixedTimeEquals(_secret, Encoding.UTF8.GetBytes(candidate));

    public IssuedDirectLineToken Issue(string userId, string conversationId)
    {
        var now = _time.GetUtcNow();
        var expires = now + _lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object> { [UserClaim] = userId, [ConversationClaim] = conversationId },
        };
        var token = _handler.CreateToken(descriptor);
        // JWT times have whole-second precision; report what the token really says.
        var claims = new DirectLineTokenClaims(userId, conversationId, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
        return new IssuedDirectLineToken(token, claims);
    }

    /// <summary>A new token for the same user and conversation; callers must have checked the old one is valid.</summary>
    public IssuedDirectLineToken Refresh(DirectLineTokenClaims claims) => Issue(claims.UserId, claims.ConversationId);

    public async Task<DirectLineTokenCheck> CheckAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return DirectLineTokenCheck.Invalid;
        }

        if (_checked.TryGetValue(token, out var known))
        {
            return Judged(known);
        }

        var result = await _handler.ValidateTokenAsync(token, _validation).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return DirectLineTokenCheck.Invalid;
        }

        if (!jwt.TryGetPayloadValue<string>(UserClaim, out var user) || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversation)
            || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversation))
        {
            return DirectLineTokenCheck.Invalid;
        }

        var claims = new DirectLineTokenClaims(user, conversation, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        if (_checked.Count >= MaxCheckedTokens)
        {
            _checked.Clear();
        }

        _checked[token] = claims;
        return Judged(claims);
    }

    private DirectLineTokenCheck Judged(DirectLineTokenClaims claims) =>
        claims.ExpiresAt <= _time.GetUtcNow() ? DirectLineTokenCheck.Expired : new DirectLineTokenCheck(DirectLineTokenStatus.Valid, claims);

    private static byte[] SigningKeyBytes(DirectLineOptions settings, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(settings.TokenSigningKey))
        {
            var text = settings.TokenSigningKey.Trim();
            var bytes = TryBase64(text) ?? Encoding.UTF8.GetBytes(text);
            if (bytes.Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException(
                    $"DirectLine:TokenSigningKey must be at least {MinimumKeyBytes} bytes (as text or base64); it is {bytes.Length}.");
            }

            return bytes;
        }

        if (!string.IsNullOrEmpty(settings.Secret))
        {
            // Instances sharing the secret share the key, so any of them accepts any token.
            return HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Secret), Encoding.UTF8.GetBytes(SecretDerivationLabel));
        }

        DirectLineLog.RandomSigningKey(logger);
        return RandomNumberGenerator.GetBytes(MinimumKeyBytes);
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= MinimumKeyBytes ? buffer[..written] : null;
    }
}
