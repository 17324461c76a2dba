using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PrescreenBot.Limits;

/// <summary>
/// The per-conversation rate limit, shared by every channel: one token bucket per conversation key
/// (System.Threading.RateLimiting, the engine behind ASP.NET Core rate limiting; idle buckets are disposed by it).
/// Channels call <see cref="TryAcquire"/> once they know the conversation (for the Bot Connector that is after the
/// body is read, which a route-level policy could not see), and answer <see cref="TooManyRequests"/> when refused.
/// </summary>
public sealed class ConversationRateLimiter : IDisposable
{
    /// <summary>Retry-After when the limiter cannot say: one second is enough for a bucket to refill.</summary>
    private static readonly TimeSpan FallbackRetryAfter = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<string>? _limiter;

    public ConversationRateLimiter(IOptions<RequestLimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.Value.ConversationRate;
        if (!rate.Enabled)
        {
            return;
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate.TokenLimit,
            TokensPerPeriod = rate.TokensPerPeriod,
            ReplenishmentPeriod = rate.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
    }

    /// <summary>Takes one permit for <paramref name="conversationKey"/>; false (with when to retry) when the bucket is empty.</summary>
    public bool TryAcquire(string conversationKey, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(conversationKey);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : FallbackRetryAfter;
        return false;
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds (rounded up, at least 1), as HTTP and DirectLineJS expect.</summary>
    public static IResult TooManyRequests(HttpContext httpContext, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many messages",
            detail: $"This conversation is sending messages faster than allowed; retry after {seconds} s.");
    }

    public void Dispose() => _limiter?.Dispose();
}
