using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Connection;

namespace PrescreenBot.Redis.Health;

/// <summary>Healthy when connected and answering; Degraded otherwise (the bot keeps running and apologises meanwhile).</summary>
public enum RedisHealthStatus
{
    Healthy,
    Degraded,
}

/// <summary>What the host's health endpoint reports about Redis: no keys, values or credentials, only state and error types.</summary>
public sealed record RedisHealthReport
{
    public required RedisHealthStatus Status { get; init; }

    public required RedisConnectionState State { get; init; }

    public required string EndPoint { get; init; }

    public DateTimeOffset? ConnectedSince { get; init; }

    /// <summary>Round trip of the PING, when <see cref="RedisHealth.CheckAsync"/> made one.</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>Type and message of the last connection error (never contains a password).</summary>
    public string? LastError { get; init; }

    public required int PendingCommands { get; init; }
}

/// <summary>
/// A cheap way for the host to report on Redis: <see cref="Check"/> looks at the connection without I/O (for frequent
/// probes); <see cref="CheckAsync"/> also sends one PING with a short timeout (<see cref="RedisOptions.HealthCheckTimeout"/>).
/// </summary>
public sealed class RedisHealth(RedisClient client, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public RedisHealthReport Check() => Report(
        client.State == RedisConnectionState.Connected ? RedisHealthStatus.Healthy : RedisHealthStatus.Degraded, null, null);

    public async Task<RedisHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var started = _time.GetTimestamp();
            await client.ExecuteAsync("PING", [], cancellationToken, client.Options.HealthCheckTimeout).ConfigureAwait(false);
            return Report(RedisHealthStatus.Healthy, _time.GetElapsedTime(started), null);
        }
        catch (RedisException ex)
        {
            return Report(RedisHealthStatus.Degraded, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private RedisHealthReport Report(RedisHealthStatus status, TimeSpan? latency, string? error) => new()
    {
        Status = status,
        State = client.State,
        EndPoint = client.Options.EndPoint,
        ConnectedSince = client.ConnectedSince,
        Latency = latency,
        LastError = error ?? (client.LastError is { } last ? $"{last.GetType().Name}: {last.Message}" : null),
        PendingCommands = client.Statistics.PendingCommands,
    };
}
