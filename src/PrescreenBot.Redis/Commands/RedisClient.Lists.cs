using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis;

/// <summary>List commands: RPUSH, LRANGE, LTRIM, LLEN.</summary>
public sealed partial class RedisClient
{
    /// <summary>RPUSH; returns the list's new length.</summary>
    public async Task<long> RPushAsync(string key, IReadOnlyList<RedisArg> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("RPUSH needs at least one value.", nameof(values));
        }

        var args = new RedisArg[values.Count + 1];
        args[0] = key;
        for (var i = 0; i < values.Count; i++)
        {
            args[i + 1] = values[i];
        }

        return (await ExecuteAsync("RPUSH", args, cancellationToken).ConfigureAwait(false)).Integer;
    }

    public Task<long> RPushAsync(string key, RedisArg value, CancellationToken cancellationToken = default) =>
        RPushAsync(key, [value], cancellationToken);

    /// <summary>LRANGE with Redis' inclusive, negative-from-the-end indexes.</summary>
    public async Task<IReadOnlyList<byte[]>> LRangeAsync(string key, long start, long stop, CancellationToken cancellationToken = default)
    {
        var reply = await Run("LRANGE", [key, start, stop], cancellationToken).ConfigureAwait(false);
        var items = new byte[reply.Items.Count][];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reply.Items[i].ToBytes() ?? [];
        }

        return items;
    }

    public Task LTrimAsync(string key, long start, long stop, CancellationToken cancellationToken = default) =>
        Run("LTRIM", [key, start, stop], cancellationToken);

    public async Task<long> LLenAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("LLEN", [key], cancellationToken).ConfigureAwait(false)).Integer;
}
