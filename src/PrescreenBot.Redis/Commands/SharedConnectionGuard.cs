using System.Collections.Frozen;

namespace PrescreenBot.Redis.Commands;

/// <summary>
/// Commands that would change or block the one connection every caller shares, refused before they are sent:
/// a MULTI from one caller would swallow everybody else's commands into its transaction, a SELECT would move them all
/// to another database, a BLPOP would hold them all behind it.
/// </summary>
internal static class SharedConnectionGuard
{
    private static readonly FrozenSet<string> Refused = new[]
    {
        "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "SELECT", "SWAPDB", "AUTH", "HELLO", "RESET", "QUIT", "MONITOR",
        "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE",
        "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP", "WAIT", "WAITAOF",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static void EnsureAllowed(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (Refused.Contains(command))
        {
            throw new NotSupportedException(
                $"{command.ToUpperInvariant()} would change or block the connection all callers share. Use a LuaScript for atomic "
                + "multi-key changes, RedisSubscriber for pub/sub, and the configuration (defaultDatabase, user, password) for the rest.");
        }
    }
}
