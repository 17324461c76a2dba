namespace PrescreenBot.Referrals.Outbox;

/// <summary>Wakes the dispatcher when a referral was just committed, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every row committed meanwhile.
        }
    }

    /// <summary>Returns when notified or when <paramref name="interval"/> has passed on <paramref name="timeProvider"/>.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _pending.WaitAsync(linked.Token);
        var elapsed = Task.Delay(interval, timeProvider, linked.Token);
        await Task.WhenAny(signalled, elapsed).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(signalled, elapsed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loser of the race was cancelled on purpose; a stop request surfaces below.
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
