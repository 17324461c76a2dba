using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PrescreenBot.Channels.DirectLine.Tokens;

/// <summary>Random, URL-safe identifiers for Direct Line users and conversations; they carry no meaning and no PHI.</summary>
public static partial class DirectLineIds
{
    /// <summary>Azure Bot Service requires user ids embedded in tokens to start with <c>dl_</c>; Web Chat relies on it too.</summary>
    public const string UserIdPrefix = "dl_";

    public static string NewUserId() => UserIdPrefix + RandomToken(15);

    public static string NewConversationId() => RandomToken(18);

    /// <summary>A caller-chosen user id is accepted only when it has the <c>dl_</c> prefix and plain URL-safe characters.</summary>
    public static bool IsAcceptableUserId(string? userId) => userId is not null && UserIdPattern().IsMatch(userId);

    /// <summary>Conversation ids in paths: what <see cref="NewConversationId"/> produces, nothing that could escape a key or URL.</summary>
    public static bool IsWellFormedConversationId(string? conversationId) =>
        conversationId is not null && ConversationIdPattern().IsMatch(conversationId);

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^dl_[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ConversationIdPattern();
}
