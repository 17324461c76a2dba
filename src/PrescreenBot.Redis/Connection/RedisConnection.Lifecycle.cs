using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>The life of the connection: connect, handshake, run until the socket fails, tear down, back off, repeat; and shut down.</summary>
internal sealed partial class RedisConnection
{
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

    private TimeSpan Backoff(int attempt)
    {
        // Exponential growth capped at the maximum, then "equal jitter": half fixed, half random, so instances that lost
        // Redis together do not return in lockstep.
        var exponential = _options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var capped = Math.Min(exponential, _options.ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}
