namespace PrescreenBot.Redis;

/// <summary>Base of every failure the Redis client reports; catch this to treat Redis as unavailable.</summary>
public abstract class RedisException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>No usable connection: Redis is down, unreachable, refused the handshake, or too many commands are waiting.</summary>
public sealed class RedisConnectionException(string message, Exception? innerException = null)
    : RedisException(message, innerException);

/// <summary>A command got no reply within its timeout (Redis is slow, hung or the network stalls).</summary>
public sealed class RedisTimeoutException(string message) : RedisException(message);

/// <summary>Redis answered with an error reply (e.g. <c>WRONGTYPE</c>, <c>NOSCRIPT</c>, <c>ERR ...</c>).</summary>
public sealed class RedisServerException(string message) : RedisException(message)
{
    /// <summary>The first word of the error reply, e.g. <c>NOSCRIPT</c>, <c>WRONGTYPE</c>, <c>ERR</c>.</summary>
    public string ErrorCode { get; } = message.Split(' ', 2)[0];
}
