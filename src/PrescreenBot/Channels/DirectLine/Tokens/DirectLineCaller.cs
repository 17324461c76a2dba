namespace PrescreenBot.Channels.DirectLine.Tokens;

/// <summary>
/// Who is calling: the holder of the server-side secret (any conversation), or a token holder (exactly the
/// conversation and user in the token).
/// </summary>
public sealed record DirectLineCaller(DirectLineTokenClaims? Token, string? RawToken)
{
    public static DirectLineCaller Secret { get; } = new(null, null);

    public bool IsSecret => Token is null;

    /// <summary>Secret holders reach every conversation; a token reaches only its own.</summary>
    public bool MayAccess(string conversationId) =>
        Token is null || string.Equals(Token.ConversationId, conversationId, StringComparison.Ordinal);
}

/// <summary>The result of reading a request's credentials: a caller, or the response to send instead.</summary>
public sealed record DirectLineAuthentication(DirectLineCaller? Caller, IResult? Failure);
