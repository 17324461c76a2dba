using System.Diagnostics;

namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

/// <summary>Retries an action until it succeeds, for recoveries whose moment is up to the client's backoff.</summary>
public static class Eventually
{
    /// <summary>Generous, for a loaded 2-core machine: the point is that recovery happens (or a wait ends), not how fast.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, TimeSpan? limit = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await action();
            }
            catch (RedisException) when (waited.Elapsed < (limit ?? DefaultLimit))
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Polls until the condition holds; returns false if it never did within the limit.</summary>
    public static async Task<bool> BecomesTrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > (limit ?? DefaultLimit))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Fails the test instead of hanging it when a task never completes.</summary>
    public static Task<T> WithinAsync<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? DefaultLimit);

    /// <inheritdoc cref="WithinAsync{T}(Task{T}, TimeSpan?)"/>
    public static Task WithinAsync(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? DefaultLimit);
}
