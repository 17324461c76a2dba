using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

/// <summary>Redis hung with SIGSTOP: commands time out instead of hanging, and all is well after SIGCONT.</summary>
public sealed class StallTests
{
    [Fact]
    public async Task ExecuteAsync_RedisStopped_TimesOutThenRecoversAfterContinue()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient($"127.0.0.1:{server.Port},syncTimeout=300");
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);

        await server.PauseAsync();
        var act = () => client.SetAsync("stalled", "x").WithinAsync();
        await act.Should().ThrowAsync<RedisTimeoutException>().WithMessage("*SET*");

        await server.ResumeAsync();
        await Eventually.SucceedsAsync(() => client.SetAsync("resumed", "y"));
        (await client.GetStringAsync("resumed")).Should().Be("y");
        client.Statistics.Timeouts.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ExecuteAsync_RedisStoppedAndQueueFull_RefusesAtOnceWithConnectionException()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(new RedisOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            CommandTimeout = TimeSpan.FromSeconds(30),
            MaxPendingCommands = 8,
        });
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        await server.PauseAsync();
        var waiting = Enumerable.Range(0, 8).Select(_ => client.IncrAsync("queued")).ToArray();

        var act = () => client.IncrAsync("queued").WithinAsync();

        (await act.Should().ThrowAsync<RedisConnectionException>()).Which.Message.Should().Contain("limit 8");
        await server.ResumeAsync();
        (await Task.WhenAll(waiting).WithinAsync()).Should().BeEquivalentTo(Enumerable.Range(1, 8).Select(i => (long)i));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledByCaller_ThrowsOperationCanceled()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(server.Configuration);
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        await server.PauseAsync();
        using var cancellation = new CancellationTokenSource();

        var pending = client.GetAsync("anything", cancellation.Token);
        await cancellation.CancelAsync();

        var act = () => pending.WithinAsync();
        await act.Should().ThrowAsync<OperationCanceledException>();
        await server.ResumeAsync();
    }
}
