using Microsoft.Extensions.Caching.Distributed;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Caching;

/// <summary>
/// <see cref="IDistributedCache"/> over <see cref="RedisClient"/>, with absolute and sliding expiry.
/// Each operation is one round trip. The synchronous members block on the asynchronous ones (the client has no
/// synchronous I/O); prefer the async ones.
/// </summary>
public sealed class RedisCache : IDistributedCache
{
    private readonly RedisClient _client;
    private readonly RedisCacheOptions _options;
    private readonly TimeProvider _time;

    public RedisCache(RedisClient client, RedisCacheOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new RedisCacheOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var reply = await CacheScripts.GetAndRefresh.EvaluateAsync(_client, [Key(key)], [Now(), "1"], token).ConfigureAwait(false);
        return reply.ToBytes();
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = _time.GetUtcNow();
        DateTimeOffset? absolute = options.AbsoluteExpirationRelativeToNow is { } relative
            ? now + relative
            : options.AbsoluteExpiration;
        if (absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The absolute expiration must be in the future.");
        }

        if (options.SlidingExpiration is { } window && window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The sliding expiration must be positive.");
        }

        var absoluteMs = absolute?.ToUnixTimeMilliseconds() ?? -1;
        var slidingMs = options.SlidingExpiration is { } sliding ? (long)Math.Ceiling(sliding.TotalMilliseconds) : -1;
        var ttlMs = (absolute, slidingMs) switch
        {
            (null, -1) => -1,
            (null, _) => slidingMs,
            ({ } at, -1) => (long)Math.Ceiling((at - now).TotalMilliseconds),
            ({ } at, _) => Math.Min(slidingMs, (long)Math.Ceiling((at - now).TotalMilliseconds)),
        };

        await CacheScripts.Set.EvaluateAsync(_client, [Key(key)], [value, absoluteMs, slidingMs, ttlMs], token).ConfigureAwait(false);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        CacheScripts.GetAndRefresh.EvaluateAsync(_client, [Key(key)], [Now(), "0"], token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) => _client.DelAsync(Key(key), token);

    private string Key(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _options.KeyPrefix + key;
    }

    private RedisArg Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
