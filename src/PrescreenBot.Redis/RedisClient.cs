using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PrescreenBot.Redis.Commands;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Connection;
using PrescreenBot.Redis.Protocol;
using PrescreenBot.Redis.PubSub;

namespace PrescreenBot.Redis;

/// <summary>
/// A Redis client over one shared, multiplexed, self-healing connection. Thread-safe; create one per endpoint and share
/// it. Construction never fails because Redis is down: commands fail fast with <see cref="RedisConnectionException"/>
/// until it is back. Typed commands carry Redis' own names (<c>GetAsync</c> sends GET); anything else goes through
/// <see cref="ExecuteAsync(string, ReadOnlySpan{RedisArg})"/>.
/// </summary>
public sealed partial class RedisClient : IAsyncDisposable
{
    private readonly RedisConnection _connection;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;

    public RedisClient(RedisOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _connection = new RedisConnection(options, _loggerFactory.CreateLogger<RedisClient>(), _time);
    }

    /// <summary>Parses a StackExchange-style configuration string or a redis:// / rediss:// URL.</summary>
    public RedisClient(string configuration, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(RedisConfigurationParser.Parse(configuration), loggerFactory, timeProvider)
    {
    }

    /// <summary>Raised (on the thread pool) whenever the connection changes state.</summary>
    public event Action<RedisConnectionState>? StateChanged
    {
        add => _connection.StateChanged += value;
        remove => _connection.StateChanged -= value;
    }

    public RedisOptions Options => _connection.Options;

    public RedisConnectionState State => _connection.State;

    /// <summary>Why the last connection attempt failed or the connection dropped; null while connected.</summary>
    public Exception? LastError => _connection.LastError;

    public DateTimeOffset? ConnectedSince => _connection.ConnectedSince;

    public RedisStatistics Statistics => _connection.Statistics;

    /// <summary>Sends any command and returns the raw reply; an error reply throws <see cref="RedisServerException"/>.</summary>
    /// <exception cref="NotSupportedException">For commands that would change or block the shared connection (MULTI, SELECT, BLPOP, SUBSCRIBE…).</exception>
    public Task<RespValue> ExecuteAsync(string command, params ReadOnlySpan<RedisArg> args)
    {
        SharedConnectionGuard.EnsureAllowed(command);
        return _connection.ExecuteAsync(RespCommand.Encode(command, args), timeout: null, CancellationToken.None);
    }

    /// <summary>As <see cref="ExecuteAsync(string, ReadOnlySpan{RedisArg})"/>, with cancellation and an optional own timeout.</summary>
    public Task<RespValue> ExecuteAsync(
        string command, IReadOnlyList<RedisArg> args, CancellationToken cancellationToken = default, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        SharedConnectionGuard.EnsureAllowed(command);
        var buffer = args is RedisArg[] array ? array : [.. args];
        return _connection.ExecuteAsync(RespCommand.Encode(command, buffer), timeout, cancellationToken);
    }

    /// <summary>Waits until the connection is up (e.g. at startup); throws <see cref="RedisTimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetTimestamp();
        while (true)
        {
            try
            {
                await PingAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RedisConnectionException) when (_time.GetElapsedTime(deadline) < timeout)
            {
                await Task.Delay(Options.ReconnectMinDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisConnectionException ex)
            {
                throw new RedisTimeoutException($"Redis at {Options.EndPoint} did not become available within {timeout}: {ex.Message}");
            }
        }
    }

    /// <summary>Opens a separate connection for SUBSCRIBE/PSUBSCRIBE with the same options (a subscribed connection cannot send other commands).</summary>
    public RedisSubscriber CreateSubscriber() => new(Options, _loggerFactory, _time);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private Task<RespValue> Run(string command, ReadOnlySpan<RedisArg> args, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(RespCommand.Encode(command, args), timeout: null, cancellationToken);
}
