using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis;

/// <summary>Key commands: DEL, EXISTS, EXPIRE, PEXPIRE, TTL, PTTL.</summary>
public sealed partial class RedisClient
{
    /// <summary>DEL; returns how many keys existed.</summary>
    public async Task<long> DelAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return 0;
        }

        var args = new RedisArg[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            args[i] = keys[i];
        }

        return (await ExecuteAsync("DEL", args, cancellationToken).ConfigureAwait(false)).Integer;
    }

    public Task<long> DelAsync(string key, CancellationToken cancellationToken = default) => DelAsync([key], cancellationToken);

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("EXISTS", [key], cancellationToken).ConfigureAwait(false)).Integer > 0;

    /// <summary>EXPIRE in whole seconds (rounded up); false when the key does not exist.</summary>
    public async Task<bool> ExpireAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        (await Run("EXPIRE", [key, (long)Math.Ceiling(ttl.TotalSeconds)], cancellationToken).ConfigureAwait(false)).Integer == 1;

    public async Task<bool> PExpireAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        (await Run("PEXPIRE", [key, (long)Math.Ceiling(ttl.TotalMilliseconds)], cancellationToken).ConfigureAwait(false)).Integer == 1;

    /// <summary>TTL as Redis reports it: seconds left, -1 for no expiry, -2 for a missing key.</summary>
    public async Task<long> TtlAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("TTL", [key], cancellationToken).ConfigureAwait(false)).Integer;

    /// <summary>PTTL: milliseconds left, -1 for no expiry, -2 for a missing key.</summary>
    public async Task<long> PTtlAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("PTTL", [key], cancellationToken).ConfigureAwait(false)).Integer;
}
