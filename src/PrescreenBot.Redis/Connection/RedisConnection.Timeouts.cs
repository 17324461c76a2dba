namespace PrescreenBot.Redis.Connection;

/// <summary>
/// Command timeouts: a periodic sweep fails commands past their deadline, so a stalled Redis surfaces as timeouts
/// rather than callers waiting forever.
/// </summary>
internal sealed partial class RedisConnection
{
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
}
