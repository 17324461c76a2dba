using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis;

/// <summary>Connection and server commands: PING, INFO, PUBLISH, DBSIZE.</summary>
public sealed partial class RedisClient
{
    /// <summary>PING; returns the time the round trip took.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        await Run("PING", [], cancellationToken).ConfigureAwait(false);
        return _time.GetElapsedTime(started);
    }

    /// <summary>INFO, optionally for one section (e.g. "server", "memory").</summary>
    public async Task<string> InfoAsync(string? section = null, CancellationToken cancellationToken = default)
    {
        var reply = section is null
            ? await Run("INFO", [], cancellationToken).ConfigureAwait(false)
            : await Run("INFO", [section], cancellationToken).ConfigureAwait(false);
        return reply.ToString();
    }

    public async Task<long> DbSizeAsync(CancellationToken cancellationToken = default) =>
        (await Run("DBSIZE", [], cancellationToken).ConfigureAwait(false)).Integer;

    /// <summary>PUBLISH; returns how many subscribers received the message (on this Redis node).</summary>
    public async Task<long> PublishAsync(string channel, RedisArg message, CancellationToken cancellationToken = default) =>
        (await Run("PUBLISH", [channel, message], cancellationToken).ConfigureAwait(false)).Integer;
}
