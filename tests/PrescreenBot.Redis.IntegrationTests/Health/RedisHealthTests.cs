using PrescreenBot.Redis.Health;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Health;

public sealed class RedisHealthTests
{
    [Fact]
    public async Task CheckAsync_ConnectedThenRedisGone_HealthyThenDegraded()
    {
        await using var server = await RedisServer.StartAsync();
        // The PING's limit is a safety net here: a loaded test machine must not make a live Redis look degraded.
        await using var client = new RedisClient($"{server.Configuration},healthCheckTimeout=60000");
        await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
        var health = new RedisHealth(client);

        var healthy = await health.CheckAsync();
        await server.StopAsync();
        var degraded = await Eventually.SucceedsAsync(async () =>
            health.Check() is { Status: RedisHealthStatus.Degraded } report ? report : throw new RedisConnectionException("still connected"));

        healthy.Status.Should().Be(RedisHealthStatus.Healthy);
        healthy.Latency.Should().NotBeNull();
        degraded.LastError.Should().NotBeNullOrEmpty();
        (await health.CheckAsync()).Status.Should().Be(RedisHealthStatus.Degraded);
    }
}
