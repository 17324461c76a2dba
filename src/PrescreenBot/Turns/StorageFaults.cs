using PrescreenBot.Bot.State;
using PrescreenBot.Redis;

namespace PrescreenBot.Turns;

/// <summary>Classifies turn failures that are about the state store rather than the bot.</summary>
public static class StorageFaults
{
    /// <summary>The store cannot be reached or did not answer in time: nothing is wrong with the conversation itself.</summary>
    public static bool IsUnavailable(Exception exception) => Find<RedisException>(exception) is not null || Find<TimeoutException>(exception) is not null;

    /// <summary>Another turn of the conversation saved first.</summary>
    public static bool IsConflict(Exception exception) => Find<EtagException>(exception) is not null;

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }
}
