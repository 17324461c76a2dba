using PrescreenBot.Redis.Connection;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

/// <summary>Each test runs its own server, because each kills or restarts it.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task ExecuteAsync_RedisRestartedMidUse_ClientReconnectsAndLaterCommandsSucceed()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(server.Configuration);
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        await client.SetAsync("before", "1");

        await server.RestartAsync();

        await Eventually.SucceedsAsync(() => client.SetAsync("after", "2"));
        (await client.GetStringAsync("after")).Should().Be("2");
        (await client.GetStringAsync("before")).Should().BeNull("the restarted server keeps nothing (no persistence)");
        client.Statistics.Connects.Should().BeGreaterThanOrEqualTo(2);
        client.State.Should().Be(RedisConnectionState.Connected);
    }

    [Fact]
    public async Task ExecuteAsync_InFlightWhenRedisDies_FailsWithConnectionExceptionNotHang()
    {
        await using var server = await RedisServer.StartAsync();
        await using var client = new RedisClient(server.Configuration);
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        await server.PauseAsync();
        var inFlight = client.ExecuteAsync("PING", [], timeout: TimeSpan.FromSeconds(30));

        await server.StopAsync();

        var act = () => inFlight.WithinAsync();
        await act.Should().ThrowAsync<RedisConnectionException>();
    }

    [Fact]
    public async Task ExecuteAsync_RedisDownAtStart_FailsFastThenRecoversWhenRedisComesUp()
    {
        var port = RedisServer.ReservePort();
        await using var client = new RedisClient($"127.0.0.1:{port},connectTimeout=1000,syncTimeout=1000");

        var act = () => client.SetAsync("k", "v").WithinAsync();

        await act.Should().ThrowAsync<RedisConnectionException>();
        client.State.Should().NotBe(RedisConnectionState.Connected);

        await using var server = await RedisServer.StartAsync(port);

        await Eventually.SucceedsAsync(() => client.SetAsync("k", "v"));
        (await client.GetStringAsync("k")).Should().Be("v");
    }

    [Fact]
    public async Task DisposeAsync_WithCommandsInFlight_CompletesThemAndRefusesNewOnes()
    {
        await using var server = await RedisServer.StartAsync();
        var client = new RedisClient(server.Configuration);
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        var inFlight = Enumerable.Range(0, 200).Select(i => client.IncrAsync("disposal")).ToArray();

        await client.DisposeAsync();

        (await Task.WhenAll(inFlight).WithinAsync()).Should().HaveCount(200);
        var act = () => client.PingAsync();
        await act.Should().ThrowAsync<ObjectDisposedException>();
        client.State.Should().Be(RedisConnectionState.Disposed);
    }
}
