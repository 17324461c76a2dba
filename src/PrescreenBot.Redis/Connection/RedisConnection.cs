using Microsoft.Extensions.Logging;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>
/// One multiplexed connection to one endpoint: any number of concurrent callers share one socket; commands are written
/// in the order they are accepted and replies matched in that order. Reconnects by itself with exponential backoff and
/// jitter; never queues without bound (see <see cref="RedisOptions.MaxPendingCommands"/>); every command has a timeout.
/// In push mode (subscriber connections) frames that are pub/sub messages go to the push handler instead.
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

    /// <summary>Sends a command and returns its reply. Errors come back as typed <see cref="RedisException"/>s.</summary>
    public Task<RespValue> ExecuteAsync(RespCommand command, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            command.Release();
            return Task.FromCanceled<RespValue>(cancellationToken); // never send what the caller no longer wants
        }

        var limit = timeout ?? _options.CommandTimeout;
        var pending = new PendingCommand(command.Name, _time.GetTimestamp() + ToTimestampTicks(limit), limit);
        pending.ObserveCancellation(cancellationToken);
        bool waitForConnection;
        lock (_sync)
        {
            waitForConnection = _state == RedisConnectionState.Connecting;
            if (!waitForConnection)
            {
                Submit(command, pending, handshake: false);
            }
        }

        return waitForConnection ? SubmitWhenConnectedAsync(command, pending, limit, cancellationToken) : pending.Task;
    }

    /// <summary>Writes a command whose answer arrives as a push frame (SUBSCRIBE and friends); no reply slot is taken.</summary>
    public void Send(RespCommand command)
    {
        lock (_sync)
        {
            if (_state != RedisConnectionState.Connected || _session is null)
            {
                command.Release();
                throw Unavailable();
            }

            Write(_session, command);
        }
    }

    private async Task<RespValue> SubmitWhenConnectedAsync(
        RespCommand command, PendingCommand pending, TimeSpan limit, CancellationToken cancellationToken)
    {
        Task attempt;
        lock (_sync)
        {
            attempt = _attempt.Task;
        }

        try
        {
            await attempt.WaitAsync(limit, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            command.Release();
            _counters.AddTimeout();
            throw new RedisTimeoutException(
                $"Redis command {command.Name} timed out after {limit.TotalMilliseconds:0} ms waiting to connect to {_options.EndPoint}.");
        }
        catch (OperationCanceledException)
        {
            command.Release();
            throw;
        }

        lock (_sync)
        {
            Submit(command, pending, handshake: false);
        }

        return await pending.Task.ConfigureAwait(false);
    }

    /// <summary>Under the lock: take a reply slot and write, or fail the command straight away.</summary>
    private void Submit(RespCommand command, PendingCommand pending, bool handshake)
    {
        var session = _session;
        var usable = handshake ? session is not null : _state == RedisConnectionState.Connected && session is not null;
        if (!usable)
        {
            command.Release();
            pending.Fail(_state == RedisConnectionState.Disposed
                ? new ObjectDisposedException(nameof(RedisClient), "The Redis client has been disposed.")
                : Unavailable());
            return;
        }

        if (session!.Inflight.Count >= _options.MaxPendingCommands)
        {
            command.Release();
            pending.Fail(new RedisConnectionException(
                $"Redis at {_options.EndPoint} has {session.Inflight.Count} commands awaiting replies (limit {_options.MaxPendingCommands}); "
                + $"it is too slow or stalled, so {command.Name} was refused."));
            return;
        }

        // A single command larger than the bound still goes out when nothing else is waiting, so big values always can.
        if (session.UnsentBytes > 0 && session.UnsentBytes + command.Length > _options.MaxUnsentBytes)
        {
            var unsent = session.UnsentBytes;
            command.Release();
            pending.Fail(new RedisConnectionException(
                $"Redis at {_options.EndPoint} is not taking data: {unsent} bytes wait to be sent (limit {_options.MaxUnsentBytes}), "
                + $"so {command.Name} was refused."));
            return;
        }

        session.Inflight.Enqueue(pending);
        Write(session, command);
    }

    private void Write(ConnectionSession session, RespCommand command)
    {
        var source = command.Span;
        var writer = session.Outbound;
        while (!source.IsEmpty)
        {
            var target = writer.GetSpan(Math.Min(source.Length, 64 * 1024));
            var chunk = Math.Min(target.Length, source.Length);
            source[..chunk].CopyTo(target);
            writer.Advance(chunk);
            source = source[chunk..];
        }

        var length = command.Length;
        command.Release();
        _counters.AddCommand();
        session.Flush(length);
    }

    private void OnReplies(ConnectionSession session, List<RespValue> replies)
    {
        // Match under the lock, complete outside it: completions may run continuations inline despite the options.
        var matched = new (PendingCommand Command, RespValue Reply)[replies.Count];
        var count = 0;
        lock (_sync)
        {
            foreach (var reply in replies)
            {
                if (_pushHandler is not null && (IsPushFrame(reply) || session.Inflight.Count == 0))
                {
                    matched[count++] = (null!, reply);
                    continue;
                }

                if (!session.Inflight.TryDequeue(out var pending))
                {
                    throw new InvalidDataException("Redis sent a reply nobody asked for; the connection is out of step.");
                }

                matched[count++] = (pending, reply);
            }
        }

        _counters.AddReplies(count);
        for (var i = 0; i < count; i++)
        {
            var (pending, reply) = matched[i];
            if (pending is null)
            {
                _pushHandler!(reply);
            }
            else
            {
                pending.Complete(reply);
            }
        }
    }

    private static bool IsPushFrame(RespValue reply)
    {
        if (reply.Type == RespType.Push)
        {
            return true;
        }

        if (reply.Type != RespType.Array || reply.Items.Count < 3 || reply.Items[0].Type != RespType.BulkString)
        {
            return false;
        }

        var kind = reply.Items[0].Bytes.Span;
        return kind.SequenceEqual("message"u8) || kind.SequenceEqual("pmessage"u8) || kind.SequenceEqual("subscribe"u8)
            || kind.SequenceEqual("psubscribe"u8) || kind.SequenceEqual("unsubscribe"u8) || kind.SequenceEqual("punsubscribe"u8);
    }

    private void ExpireOverdue()
    {
        List<PendingCommand>? expired = null;
        var now = _time.GetTimestamp();
        lock (_sync)
        {
            if (_session is null)
            {
                return;
            }

            foreach (var pending in _session.Inflight)
            {
                if (pending.Deadline <= now && !pending.Task.IsCompleted)
                {
                    (expired ??= []).Add(pending);
                }
            }
        }

        if (expired is null)
        {
            return;
        }

        RedisLog.CommandsTimedOut(_logger, expired.Count, expired[0].Name, _options.EndPoint);
        foreach (var pending in expired)
        {
            _counters.AddTimeout();
            // The slot stays taken until the reply (if any) arrives, so pipeline order is kept and a stalled Redis fills the bound.
            pending.Fail(new RedisTimeoutException(
                $"Redis command {pending.Name} got no reply from {_options.EndPoint} within {pending.Timeout.TotalMilliseconds:0} ms (state {_state}, "
                + $"{_session?.Inflight.Count ?? 0} commands awaiting replies)."));
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
