using PrescreenBot.Referrals.Referrals;

namespace PrescreenBot.Referrals.Outbox;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th retry waits between half and all of
/// min(base × 2^(n-1), max), so receivers that failed together do not get retried in lockstep.
/// </summary>
public sealed class RetryPolicy(DeliveryOptions options, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public int MaxAttempts => options.MaxAttempts;

    /// <summary>True when an attempt with this 1-based number was the last one allowed.</summary>
    public bool IsExhausted(int attemptsMade) => attemptsMade >= options.MaxAttempts;

    /// <summary>How long to wait after the <paramref name="attemptsMade"/>-th failed attempt.</summary>
    public TimeSpan DelayAfter(int attemptsMade)
    {
        var exponent = Math.Clamp(attemptsMade - 1, 0, 30);
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + (half * _random()));
    }
}
