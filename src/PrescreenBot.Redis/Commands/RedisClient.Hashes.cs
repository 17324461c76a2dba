using System.Text;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis;

/// <summary>Hash commands: HSET, HGET, HGETALL, HDEL.</summary>
public sealed partial class RedisClient
{
    /// <summary>HSET of one field; returns 1 when the field is new.</summary>
    public async Task<long> HSetAsync(string key, string field, RedisArg value, CancellationToken cancellationToken = default) =>
        (await Run("HSET", [key, field, value], cancellationToken).ConfigureAwait(false)).Integer;

    /// <summary>HSET of several fields in one command; returns how many were new.</summary>
    public async Task<long> HSetAsync(
        string key, IReadOnlyList<KeyValuePair<string, RedisArg>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("HSET needs at least one field.", nameof(fields));
        }

        var args = new RedisArg[(fields.Count * 2) + 1];
        args[0] = key;
        for (var i = 0; i < fields.Count; i++)
        {
            args[(i * 2) + 1] = fields[i].Key;
            args[(i * 2) + 2] = fields[i].Value;
        }

        return (await ExecuteAsync("HSET", args, cancellationToken).ConfigureAwait(false)).Integer;
    }

    public async Task<byte[]?> HGetAsync(string key, string field, CancellationToken cancellationToken = default) =>
        (await Run("HGET", [key, field], cancellationToken).ConfigureAwait(false)).ToBytes();

    /// <summary>HGETALL; an empty dictionary for a missing key.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> HGetAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var reply = await Run("HGETALL", [key], cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, byte[]>(reply.Items.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < reply.Items.Count; i += 2)
        {
            result[Encoding.UTF8.GetString(reply.Items[i].Bytes.Span)] = reply.Items[i + 1].ToBytes() ?? [];
        }

        return result;
    }

    public async Task<long> HDelAsync(string key, string field, CancellationToken cancellationToken = default) =>
        (await Run("HDEL", [key, field], cancellationToken).ConfigureAwait(false)).Integer;
}
