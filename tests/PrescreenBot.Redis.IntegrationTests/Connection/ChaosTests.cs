using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

/// <summary>Many callers keep working while Redis is restarted under them; nothing hangs and no reply goes to the wrong caller.</summary>
public sealed class ChaosTests
{
    [Fact]
    public async Task ExecuteAsync_ConcurrentCallersWhileRedisRestartsTwice_OnlyTypedFailuresAndNoCrossedReplies()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(server.Configuration);
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        using var stop = new CancellationTokenSource();
        var crossed = 0;
        var succeeded = 0;
        var unexpected = new System.Collections.Concurrent.ConcurrentBag<Exception>();

        var workers = Enumerable.Range(0, 32).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var value = $"w{worker}-{i}";
                try
                {
                    await client.SetAsync($"chaos:{worker}", value);
                    var read = await client.GetStringAsync($"chaos:{worker}");
                    if (read is not null && read != value)
                    {
                        Interlocked.Increment(ref crossed);
                    }

                    Interlocked.Increment(ref succeeded);
                }
                catch (RedisException)
                {
                    await Task.Delay(5);
                }
#pragma warning disable CA1031 // Collected and asserted below: any other exception type is a bug.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    unexpected.Add(ex);
                }
            }
        })).ToArray();

        for (var restart = 0; restart < 2; restart++)
        {
            var before = Volatile.Read(ref succeeded);
            await Eventually.BecomesTrueAsync(() => Task.FromResult(Volatile.Read(ref succeeded) > before + 200));
            await server.RestartAsync();
        }

        var afterRestarts = Volatile.Read(ref succeeded);
        var recovered = await Eventually.BecomesTrueAsync(() => Task.FromResult(Volatile.Read(ref succeeded) > afterRestarts + 200));
        await stop.CancelAsync();
        await Task.WhenAll(workers).WithinAsync();

        recovered.Should().BeTrue("callers succeed again once Redis is back");
        unexpected.Should().BeEmpty();
        crossed.Should().Be(0);
        client.Statistics.Connects.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task ExecuteAsync_LargeValuesPilingUpBehindStalledRedis_RefusedOnceUnsentBytesExceedTheBound()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(new RedisOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            CommandTimeout = TimeSpan.FromSeconds(60),
            MaxUnsentBytes = 1024 * 1024,
        });
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        var value = new byte[256 * 1024];
        await server.PauseAsync();

        var accepted = new List<Task<bool>>();
        RedisConnectionException? refusal = null;
        for (var i = 0; i < 400 && refusal is null; i++)
        {
            var set = client.SetAsync($"big:{i}", value);
            if (set.IsFaulted && set.Exception!.InnerException is RedisConnectionException refused)
            {
                refusal = refused;
            }
            else
            {
                accepted.Add(set);
                await Task.Delay(1); // let the write loop hand what it can to the socket
            }
        }

        await server.ResumeAsync();
        refusal.Should().NotBeNull("the kernel's socket buffers fill up, then the client's own bound refuses");
        refusal!.Message.Should().Contain("bytes wait to be sent");
        (await Task.WhenAll(accepted).WithinAsync()).Should().OnlyContain(ok => ok);
    }
}
