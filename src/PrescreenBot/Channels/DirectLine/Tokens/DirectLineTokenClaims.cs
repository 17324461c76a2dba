namespace PrescreenBot.Channels.DirectLine.Tokens;

/// <summary>What a Direct Line token grants: one user, one conversation, until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineTokenClaims(string UserId, string ConversationId, DateTimeOffset ExpiresAt);

/// <summary>A freshly signed token and what it grants.</summary>
public sealed record IssuedDirectLineToken(string Token, DirectLineTokenClaims Claims)
{
    /// <summary>Seconds until expiry, as Direct Line's <c>expires_in</c>.</summary>
    public int ExpiresInSeconds(DateTimeOffset now) => (int)Math.Max(0, Math.Round((Claims.ExpiresAt - now).TotalSeconds));
}

public enum DirectLineTokenStatus
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>The outcome of checking a token; <see cref="Claims"/> is set only when <see cref="Status"/> is Valid.</summary>
public sealed record DirectLineTokenCheck(DirectLineTokenStatus Status, DirectLineTokenClaims? Claims)
{
    public static DirectLineTokenCheck Invalid { get; } = new(DirectLineTokenStatus.Invalid, null);

    public static DirectLineTokenCheck Expired { get; } = new(DirectLineTokenStatus.Expired, null);
}
