namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

/// <summary>Retries an action until it succeeds, for recoveries whose moment is up to the client's backoff.</summary>
public static class Eventually
{
    /// <summary>Generous: the point is that recovery happens, not how fast.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (RedisException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Polls until the condition holds; returns false if it never did within the limit.</summary>
    public static async Task<bool> BecomesTrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
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
