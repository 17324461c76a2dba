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
internal sealed class RedisConnection : IAsyncDisposable
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
    private RedisConnectionState _state = RedisConnectionState.Connecting;
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

    public async ValueTask DisposeAsync()
    {
        PendingCommand? last;
        lock (_sync)
        {
            if (_state == RedisConnectionState.Disposed)
            {
                return;
            }

            last = _session?.Inflight.Count > 0 ? _session.Inflight.ToArray()[^1] : null;
            SetState(RedisConnectionState.Disposed);
        }

        // Let commands already written get their replies (they arrive in order, so the last one is enough).
        if (last is not null)
        {
            await last.Task.WaitAsync(_options.CommandTimeout, _time).ContinueWith(static _ => { }, TaskScheduler.Default)
                .ConfigureAwait(false);
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
        RedisLog.Closed(_logger, _options.EndPoint);
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

    private async Task RunAsync()
    {
        var attempt = 0;
        while (!_shutdown.IsCancellationRequested)
        {
            ConnectionSession? session = null;
            Exception? error = null;
            try
            {
                session = await ConnectAsync().ConfigureAwait(false);
                attempt = 0;
                await session.Completion.WaitAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                error = ex;
            }

            var failed = await TearDownAsync(session, error).ConfigureAwait(false);
            if (_shutdown.IsCancellationRequested)
            {
                break;
            }

            var delay = Backoff(attempt++);
            RedisLog.Disconnected(_logger, _options.EndPoint, error?.GetType().Name ?? "closed", error?.Message ?? string.Empty,
                failed, attempt, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, _shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            lock (_sync)
            {
                if (_state == RedisConnectionState.Disposed)
                {
                    break;
                }

                _attempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                SetState(RedisConnectionState.Connecting);
            }
        }

        lock (_sync)
        {
            _attempt.TrySetResult();
        }
    }

    private async Task<ConnectionSession> ConnectAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        timeout.CancelAfter(_options.ConnectTimeout);
        ConnectionSession session;
        try
        {
            session = await ConnectionSession.OpenAsync(_options, OnReplies, _counters, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_shutdown.IsCancellationRequested)
        {
            throw new RedisConnectionException(
                $"Connecting to Redis at {_options.EndPoint} took longer than {_options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }

        lock (_sync)
        {
            _session = session;
        }

        try
        {
            await HandshakeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (RedisServerException ex)
        {
            throw new RedisConnectionException($"Redis at {_options.EndPoint} refused the handshake: {ex.Message}", ex);
        }
        catch (OperationCanceledException) when (!_shutdown.IsCancellationRequested)
        {
            throw new RedisConnectionException(
                $"Redis at {_options.EndPoint} did not answer the handshake within {_options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }

        _counters.AddConnect();
        lock (_sync)
        {
            if (_state == RedisConnectionState.Disposed)
            {
                throw new ObjectDisposedException(nameof(RedisClient));
            }

            ConnectedSince = _time.GetUtcNow();
            LastError = null;
            SetState(RedisConnectionState.Connected);
            _attempt.TrySetResult();
        }

        RedisLog.Connected(_logger, _options.EndPoint, _options.Database, _options.Ssl);
        if (_onConnected is not null)
        {
            await _onConnected(_shutdown.Token).ConfigureAwait(false);
        }

        return session;
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var commands = new List<RespCommand>();
        if (_options.Password is not null)
        {
            commands.Add(_options.User is null
                ? RespCommand.Encode("AUTH", [_options.Password])
                : RespCommand.Encode("AUTH", [_options.User, _options.Password]));
        }

        if (_options.Database != 0)
        {
            commands.Add(RespCommand.Encode("SELECT", [_options.Database]));
        }

        if (_options.ClientName is not null)
        {
            commands.Add(RespCommand.Encode("CLIENT", ["SETNAME", _options.ClientName]));
        }

        commands.Add(RespCommand.Encode("PING", []));
        var replies = new List<Task<RespValue>>(commands.Count);
        lock (_sync)
        {
            foreach (var command in commands)
            {
                var pending = new PendingCommand(command.Name, long.MaxValue, _options.ConnectTimeout);
                Submit(command, pending, handshake: true);
                replies.Add(pending.Task);
            }
        }

        foreach (var reply in replies)
        {
            await reply.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> TearDownAsync(ConnectionSession? session, Exception? error)
    {
        PendingCommand[] orphans;
        lock (_sync)
        {
            var current = _session;
            _session = null;
            LastError = error ?? LastError;
            ConnectedSince = null;
            orphans = current?.Inflight.ToArray() ?? [];
            current?.Inflight.Clear();
            if (_state != RedisConnectionState.Disposed)
            {
                SetState(RedisConnectionState.Disconnected);
            }

            _attempt.TrySetResult();
            session ??= current;
        }

        var reason = _state == RedisConnectionState.Disposed
            ? new RedisConnectionException($"The Redis client for {_options.EndPoint} was disposed before a reply arrived.")
            : new RedisConnectionException($"Connection to Redis at {_options.EndPoint} was lost before a reply arrived.", error);
        foreach (var orphan in orphans)
        {
            orphan.Fail(reason);
        }

        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        return orphans.Length;
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

    private TimeSpan Backoff(int attempt)
    {
        // Exponential growth capped at the maximum, then "equal jitter": half fixed, half random, so instances that lost
        // Redis together do not return in lockstep.
        var exponential = _options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var capped = Math.Min(exponential, _options.ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

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
