using Microsoft.Extensions.Logging;

namespace PrescreenBot.Redis.Connection;

/// <summary>Log lines of the client: endpoints, command names, counts and exception types only (never keys or values).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Information, "Redis connected to {EndPoint} (database {Database}, tls {Tls})")]
    public static partial void Connected(ILogger logger, string endPoint, int database, bool tls);

    [LoggerMessage(2, LogLevel.Warning, "Redis connection to {EndPoint} failed or dropped ({ErrorType}: {ErrorMessage}); {Failed} pending commands failed; retry {Attempt} in {DelayMs} ms")]
    public static partial void Disconnected(
        ILogger logger, string endPoint, string errorType, string errorMessage, int failed, int attempt, long delayMs);

    [LoggerMessage(3, LogLevel.Warning, "Redis: {Count} commands (first: {Command}) got no reply in time from {EndPoint}")]
    public static partial void CommandsTimedOut(ILogger logger, int count, string command, string endPoint);

    [LoggerMessage(4, LogLevel.Warning, "Redis subscription {Channel} dropped a message: its reader is {Capacity} messages behind")]
    public static partial void SubscriptionOverflow(ILogger logger, string channel, int capacity);

    [LoggerMessage(5, LogLevel.Information, "Redis connection to {EndPoint} closed")]
    public static partial void Closed(ILogger logger, string endPoint);
}
