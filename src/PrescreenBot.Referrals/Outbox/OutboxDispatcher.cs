using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Delivery;
using PrescreenBot.Referrals.Diagnostics;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Outbox;

/// <summary>
/// Delivers outbox rows: claims due rows under a lease, sends each over its channel, and records the outcome
/// (delivered; retry later with backoff; or dead after the maximum). Several instances may share one database.
/// At-least-once: a crash after a channel accepted but before the row was marked repeats that delivery once the
/// lease expires, with the same <c>webhook-id</c> / delivery id so the site can de-duplicate.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly OutboxStore _outbox;
    private readonly ReferralStore _referrals;
    private readonly ConfiguredSiteDirectory _sites;
    private readonly Dictionary<string, IDeliveryChannel> _channels;
    private readonly OutboxSignal _signal;
    private readonly ReferralMetrics _metrics;
    private readonly ReferralsOptions _options;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        OutboxStore outbox,
        ReferralStore referrals,
        ConfiguredSiteDirectory sites,
        IEnumerable<IDeliveryChannel> channels,
        OutboxSignal signal,
        ReferralMetrics metrics,
        IOptions<ReferralsOptions> options,
        RetryPolicy retry,
        TimeProvider timeProvider,
        ILogger<OutboxDispatcher> logger)
    {
        _outbox = outbox;
        _referrals = referrals;
        _sites = sites;
        _channels = channels.ToDictionary(channel => channel.Name, StringComparer.Ordinal);
        _signal = signal;
        _metrics = metrics;
        _options = options.Value;
        _retry = retry;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>This instance's lease owner name.</summary>
    public string InstanceId { get; } = "dispatcher_" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// One round: claims the due rows (up to the batch size) and attempts each while the lease leaves room for a
    /// whole attempt (the rest are handed back). Returns how many were attempted.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var delivery = _options.Delivery;
        var claimedAt = _timeProvider.GetUtcNow();
        var leaseUntil = claimedAt + delivery.Lease;
        var claimed = await _outbox.ClaimDueAsync(InstanceId, claimedAt, delivery.Lease, delivery.BatchSize, cancellationToken)
            .ConfigureAwait(false);
        var attempted = 0;
        foreach (var row in claimed)
        {
            if (_timeProvider.GetUtcNow() + delivery.AttemptTimeout >= leaseUntil)
            {
                // Slow attempts ate the lease: another dispatcher may take this row any moment, so do not start it.
                await _outbox.ReleaseAsync(row, InstanceId, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            await AttemptAsync(row, cancellationToken).ConfigureAwait(false);
            attempted++;
        }

        return attempted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database hiccup; the next round retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRoundFailed(exception.GetType().Name);
            }

            if (attempted < _options.Delivery.BatchSize)
            {
                try
                {
                    await _signal.WaitAsync(_options.Delivery.PollInterval, _timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task AttemptAsync(ClaimedDelivery row, CancellationToken cancellationToken)
    {
        var referral = await _referrals.FindAsync(row.ReferralId, cancellationToken).ConfigureAwait(false);
        if (referral is null)
        {
            // Deleted ("delete my data" or retention) after the claim; its outbox rows went with it.
            LogReferralGone(row.Id, row.ReferralId);
            return;
        }

        string errorCode;
        try
        {
            await SendAsync(row, referral, cancellationToken).ConfigureAwait(false);
            if (await _outbox.MarkDeliveredAsync(row, InstanceId, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                _metrics.DeliverySucceeded(row.Channel);
                LogDelivered(row.Id, row.ReferralId, row.Channel, row.AttemptCount + 1);
            }
            else
            {
                LogLeaseLost(row.Id, row.ReferralId, row.Channel);
            }

            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand the row back uncounted so the next dispatcher does not wait for the lease.
            await _outbox.ReleaseAsync(row, InstanceId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (DeliveryFailedException exception)
        {
            errorCode = exception.ErrorCode;
        }
        catch (OperationCanceledException)
        {
            errorCode = "timeout";
        }
#pragma warning disable CA1031 // Any failure of one channel is one failed attempt, recorded by code; it must not stop the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            errorCode = "unexpected_" + exception.GetType().Name;
        }

        await RecordFailureAsync(row, errorCode, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(ClaimedDelivery row, ReferralRecord referral, CancellationToken cancellationToken)
    {
        var site = _sites.Find(referral.SiteId) ?? throw new DeliveryFailedException("site_not_configured");
        if (!_channels.TryGetValue(row.Channel, out var channel))
        {
            throw new DeliveryFailedException("channel_not_registered");
        }

        var notification = ReferralNotification.From(referral, site, _options.PublicBaseUrl);
        using var timeout = new CancellationTokenSource(_options.Delivery.AttemptTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await channel.DeliverAsync(new DeliveryAttempt(row.Id, row.Target, site, notification), linked.Token).ConfigureAwait(false);
    }

    private async Task RecordFailureAsync(ClaimedDelivery row, string errorCode, CancellationToken cancellationToken)
    {
        var attemptsMade = row.AttemptCount + 1;
        var now = _timeProvider.GetUtcNow();
        var dead = _retry.IsExhausted(attemptsMade);
        DateTimeOffset? retryAt = dead ? null : now + _retry.DelayAfter(attemptsMade);
        if (!await _outbox.MarkFailedAsync(row, InstanceId, errorCode, now, retryAt, cancellationToken).ConfigureAwait(false))
        {
            LogLeaseLost(row.Id, row.ReferralId, row.Channel);
            return;
        }

        if (dead)
        {
            _metrics.DeliveryDead(row.Channel, errorCode);
            LogDead(row.Id, row.ReferralId, row.Channel, attemptsMade, errorCode);
        }
        else
        {
            _metrics.DeliveryFailed(row.Channel, errorCode);
            LogRetry(row.Id, row.ReferralId, row.Channel, attemptsMade, errorCode, retryAt!.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {MessageId} of referral {ReferralId} over {Channel} succeeded on attempt {Attempt}")]
    private partial void LogDelivered(string messageId, string referralId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {MessageId} of referral {ReferralId} over {Channel} failed on attempt {Attempt} ({ErrorCode}); retry at {RetryAt:O}")]
    private partial void LogRetry(string messageId, string referralId, string channel, int attempt, string errorCode, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {MessageId} of referral {ReferralId} over {Channel} dead-lettered after {Attempt} attempts ({ErrorCode})")]
    private partial void LogDead(string messageId, string referralId, string channel, int attempt, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {MessageId} of referral {ReferralId} over {Channel}: lease lost before the outcome was recorded")]
    private partial void LogLeaseLost(string messageId, string referralId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {MessageId} skipped: referral {ReferralId} was deleted")]
    private partial void LogReferralGone(string messageId, string referralId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed ({ExceptionType}); retrying next round")]
    private partial void LogRoundFailed(string exceptionType);
}
