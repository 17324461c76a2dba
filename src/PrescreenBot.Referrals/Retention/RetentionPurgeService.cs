using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Referrals;

namespace PrescreenBot.Referrals.Retention;

/// <summary>Runs the retention purge at start and then every <c>Referrals:Purge:Interval</c>.</summary>
public sealed partial class RetentionPurgeService(
    RetentionPurge purge,
    IOptions<ReferralsOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await purge.PurgeAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.Purge.Interval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed purge is retried next interval; it must not stop the host.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPurgeFailed(exception.GetType().Name);
                await Task.Delay(options.Value.Purge.Interval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed ({ExceptionType}); next try in one interval")]
    private partial void LogPurgeFailed(string exceptionType);
}
