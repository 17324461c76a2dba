using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

public sealed class DatabaseSelectionTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task DefaultDatabase_TwoClientsOnDifferentDatabases_SeeOnlyTheirOwnKeys()
    {
        var key = RedisServerFixture.UniqueKey("select");
        await using var five = new RedisClient($"127.0.0.1:{fixture.Server.Port},defaultDatabase=5,name=db-five");
        await five.WaitUntilConnectedAsync(Eventually.DefaultLimit);

        await five.SetAsync(key, "in five");
        await fixture.Client.SetAsync(key, "in zero");

        (await five.GetStringAsync(key)).Should().Be("in five");
        (await fixture.Client.GetStringAsync(key)).Should().Be("in zero");
        (await five.ExecuteAsync("CLIENT", "GETNAME")).ToString().Should().Be("db-five");
    }

    [Fact]
    public async Task DefaultDatabase_OutOfRange_HandshakeFailsAndNothingRunsOnDatabaseZero()
    {
        await using var wrong = new RedisClient($"127.0.0.1:{fixture.Server.Port},defaultDatabase=99");

        var act = () => wrong.SetAsync(RedisServerFixture.UniqueKey("never"), "x");

        (await act.Should().ThrowAsync<RedisConnectionException>()).Which.Message.Should().Contain("DB index is out of range");
    }
}
