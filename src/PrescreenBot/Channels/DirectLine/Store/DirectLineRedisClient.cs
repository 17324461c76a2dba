using PrescreenBot.Redis;

namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>
/// A Redis client of Direct Line's own, created only when Redis is the provider and the host registered no
/// <see cref="RedisClient"/>; disposed with the host.
/// </summary>
public sealed class DirectLineRedisClient(IConfiguration configuration, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public const string ConfigurationKey = "Redis:Configuration";

    private readonly Lazy<RedisClient> _client = new(() => new RedisClient(
        configuration[ConfigurationKey] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Storage:Provider is Redis but {ConfigurationKey} is empty."),
        loggerFactory));

    public RedisClient Client => _client.Value;

    public ValueTask DisposeAsync() => _client.IsValueCreated ? _client.Value.DisposeAsync() : ValueTask.CompletedTask;
}
