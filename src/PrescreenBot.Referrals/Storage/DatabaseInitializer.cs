using Microsoft.Extensions.Hosting;

namespace PrescreenBot.Referrals.Storage;

/// <summary>Applies pending migrations when the host starts, before it accepts traffic.</summary>
internal sealed class DatabaseInitializer(ReferralDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
