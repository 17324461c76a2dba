using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrescreenBot.Prescreen;

namespace PrescreenBot.Health;

/// <summary>
/// The trial question sets loaded at start. None loaded (a missing or empty dialogs folder) is <see cref="HealthStatus.Degraded"/>,
/// like Redis being down: the bot still answers, politely ("no studies are available right now"), but cannot pre-screen anyone.
/// </summary>
public sealed class DialogsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Absent only in a host without the pre-screen conversation: there is then nothing to report on.
        if (services.GetService<DialogCatalogStatus>() is not { } status)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no pre-screen conversation in this host"));
        }

        var data = new Dictionary<string, object>
        {
            ["directory"] = status.DialogsDirectory,
            ["trials"] = status.TrialCount,
        };
        return Task.FromResult(status.Problem is { } problem
            ? HealthCheckResult.Degraded($"no trial question sets loaded: {problem}; patients are told no study is available", data: data)
            : HealthCheckResult.Healthy($"{status.TrialCount} trial question sets loaded", data));
    }
}
