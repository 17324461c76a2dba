using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Outbox;

/// <summary>How a Teams destination is written into an outbox row's target: <c>{serviceUrl}|{conversationId}</c>.</summary>
public static class TeamsTarget
{
    // Neither a service URL nor a Teams conversation id contains '|'.
    private const char Separator = '|';

    public static string Format(TeamsTargetOptions teams) => $"{teams.ServiceUrl}{Separator}{teams.ConversationId}";

    public static (string ServiceUrl, string ConversationId) Parse(string target)
    {
        var at = target.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? throw new FormatException("A Teams outbox target needs '{serviceUrl}|{conversationId}'.") : (target[..at], target[(at + 1)..]);
    }
}
