using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>
/// The way in: accepting a command, waiting for a connection if one is being made, and the admission checks
/// (pending-command and unsent-byte bounds) that keep a slow Redis from growing memory without bound.
/// </summary>
internal sealed partial class RedisConnection
{
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
}
