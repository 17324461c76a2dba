using Microsoft.Extensions.Logging;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>
/// One multiplexed connection to one endpoint: any number of concurrent callers share one socket; commands are written
/// in the order they are accepted and replies matched in that order. Reconnects by itself with exponential backoff and
/// jitter; never queues without bound (see <see cref="RedisOptions.MaxPendingCommands"/>); every command has a timeout.
/// In push mode (subscriber connections) frames that are pub/sub messages go to the push handler instead.
/// This file holds the shared state; sending, replies, timeouts and the connect loop each have their own partial file.
/// </summary>
internal sealed partial class RedisConnection : IAsyncDisposable
{
    /// <summary>How often expired commands are looked for; timeouts are reported within this much of their deadline.</summary>
    private static readonly TimeSpan MaxSweepInterval = TimeSpan.FromMilliseconds(100);

    private readonly object _sync = new();
    private readonly RedisOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<RespValue, bool>? _pushHandler;
    private readonly Func<CancellationToken, Task>? _onConnected;
    private readonly RedisCounters _counters = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ITimer _sweeper;
    private ConnectionSession? _session;
    private volatile RedisConnectionState _state = RedisConnectionState.Connecting;
    private TaskCompletionSource _attempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    /// <param name="pushHandler">Subscriber connections only: returns true when it took the frame as a pub/sub message.</param>
    /// <param name="onConnected">Runs after every successful handshake (subscribers resubscribe here).</param>
    public RedisConnection(
        RedisOptions options,
        ILogger logger,
        TimeProvider time,
        Func<RespValue, bool>? pushHandler = null,
        Func<CancellationToken, Task>? onConnected = null)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _time = time;
        _pushHandler = pushHandler;
        _onConnected = onConnected;
        var sweep = TimeSpan.FromTicks(Math.Clamp(options.CommandTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond, MaxSweepInterval.Ticks));
        _sweeper = time.CreateTimer(static state => ((RedisConnection)state!).ExpireOverdue(), this, sweep, sweep);
        _loop = Task.Run(RunAsync);
    }

    public event Action<RedisConnectionState>? StateChanged;

    public RedisConnectionState State => _state;

    public Exception? LastError { get; private set; }

    public DateTimeOffset? ConnectedSince { get; private set; }

    public RedisOptions Options => _options;

    /// <summary>Completes when the connection attempt under way (if any) has succeeded or failed.</summary>
    public Task AttemptSettled
    {
        get
        {
            lock (_sync)
            {
                return _attempt.Task;
            }
        }
    }

    public RedisStatistics Statistics
    {
        get
        {
            lock (_sync)
            {
                return _counters.Snapshot(_session?.Inflight.Count ?? 0);
            }
        }
    }

    private RedisConnectionException Unavailable() => new(
        $"Redis at {_options.EndPoint} is unavailable ({_state}); last error: {LastError?.GetType().Name ?? "none"}: {LastError?.Message}",
        LastError);

    private void SetState(RedisConnectionState state)
    {
        if (_state == state)
        {
            return;
        }

        _state = state;
        var handlers = StateChanged;
        if (handlers is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Handlers(s.State), (Handlers: handlers, State: state), preferLocal: false);
        }
    }

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
