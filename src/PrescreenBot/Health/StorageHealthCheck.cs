using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrescreenBot.Redis.Health;
using PrescreenBot.State;

namespace PrescreenBot.Health;

/// <summary>
/// The state store's health. In memory it is always healthy; with Redis, a PING decides: down or slow is
/// <see cref="HealthStatus.Degraded"/>, never Unhealthy, because the bot still runs and answers patients politely
/// ("please try again in a moment") until Redis is back.
/// </summary>
public sealed class StorageHealthCheck(StorageOptions storage, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.Provider != StorageProvider.Redis)
        {
            return HealthCheckResult.Healthy("in memory", new Dictionary<string, object> { ["provider"] = storage.Provider.ToString() });
        }

        var report = await services.GetRequiredService<RedisHealth>().CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["provider"] = storage.Provider.ToString(),
            ["endpoint"] = report.EndPoint,
            ["state"] = report.State.ToString(),
            ["pendingCommands"] = report.PendingCommands,
        };
        if (report.Latency is { } latency)
        {
            data["latencyMs"] = Math.Round(latency.TotalMilliseconds, 3);
        }

        return report.Status == RedisHealthStatus.Healthy
            ? HealthCheckResult.Healthy("redis connected", data)
            : HealthCheckResult.Degraded("redis unavailable: patients are asked to try again in a moment", data: data);
    }
}
