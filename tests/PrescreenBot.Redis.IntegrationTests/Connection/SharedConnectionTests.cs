using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Connection;

public sealed class SharedConnectionTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("MULTI")]
    [InlineData("select")]
    [InlineData("BLPOP")]
    [InlineData("subscribe")]
    public async Task ExecuteAsync_CommandThatWouldChangeOrBlockTheSharedConnection_IsRefusedBeforeSending(string command)
    {
        var sentBefore = fixture.Client.Statistics.CommandsSent;

        var act = () => fixture.Client.ExecuteAsync(command, "x", 0);

        (await act.Should().ThrowAsync<NotSupportedException>()).Which.Message.Should().Contain("LuaScript");
        fixture.Client.Statistics.CommandsSent.Should().Be(sentBefore);
    }

    [Fact]
    public async Task ExecuteAsync_TokenAlreadyCancelled_IsNotSent()
    {
        var sentBefore = fixture.Client.Statistics.CommandsSent;

        var act = () => fixture.Client.SetAsync(RedisServerFixture.UniqueKey("cancelled"), "x", cancellationToken: new CancellationToken(true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        fixture.Client.Statistics.CommandsSent.Should().Be(sentBefore);
    }

    [Fact]
    public async Task ExecuteAsync_PerCommandTimeout_OverridesTheDefault()
    {
        // The server answers after 1.5 s, far past the 50 ms timeout, so a stalled test process cannot see the reply first.
        var act = () => fixture.Client.ExecuteAsync("DEBUG", ["SLEEP", "1.5"], timeout: TimeSpan.FromMilliseconds(50));

        (await act.Should().ThrowAsync<RedisTimeoutException>()).Which.Message.Should().Contain("DEBUG").And.Contain("50 ms");
        (await fixture.Client.ExecuteAsync("ECHO", "after the sleep")).ToString().Should().Be("after the sleep");
    }
}
