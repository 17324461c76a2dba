using PrescreenBot.Redis.Commands;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis;

/// <summary>String commands: GET, SET, MGET, INCR, INCRBY.</summary>
public sealed partial class RedisClient
{
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("GET", [key], cancellationToken).ConfigureAwait(false)).ToBytes();

    public async Task<string?> GetStringAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("GET", [key], cancellationToken).ConfigureAwait(false)).AsString();

    /// <summary>SET with optional EX/PX (whole seconds use EX) and NX/XX; false when the NX/XX condition was not met.</summary>
    public async Task<bool> SetAsync(
        string key, RedisArg value, TimeSpan? expiry = null, SetCondition condition = SetCondition.Always,
        CancellationToken cancellationToken = default)
    {
        var args = new List<RedisArg>(5) { key, value };
        if (expiry is { } ttl)
        {
            if (ttl <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(expiry), "Expiry must be positive.");
            }

            if (ttl.Ticks % TimeSpan.TicksPerSecond == 0)
            {
                args.Add("EX");
                args.Add((long)ttl.TotalSeconds);
            }
            else
            {
                args.Add("PX");
                args.Add(Math.Max(1, (long)ttl.TotalMilliseconds));
            }
        }

        if (condition != SetCondition.Always)
        {
            args.Add(condition == SetCondition.IfNotExists ? "NX" : "XX");
        }

        var reply = await ExecuteAsync("SET", args, cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    /// <summary>MGET: one round trip for many keys; missing keys come back as null at their position.</summary>
    public async Task<byte[]?[]> MGetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var args = new RedisArg[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            args[i] = keys[i];
        }

        var reply = await ExecuteAsync("MGET", args, cancellationToken).ConfigureAwait(false);
        var values = new byte[]?[reply.Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reply.Items[i].ToBytes();
        }

        return values;
    }

    public async Task<long> IncrAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run("INCR", [key], cancellationToken).ConfigureAwait(false)).Integer;

    public async Task<long> IncrByAsync(string key, long increment, CancellationToken cancellationToken = default) =>
        (await Run("INCRBY", [key, increment], cancellationToken).ConfigureAwait(false)).Integer;
}
