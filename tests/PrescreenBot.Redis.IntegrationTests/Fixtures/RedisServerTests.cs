namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

public sealed class RedisServerTests
{
    [Fact]
    public void FindBinary_NotOnPath_FailsWithInstructions()
    {
        var act = () => RedisServer.FindBinary("/nonexistent-folder");

        act.Should().Throw<InvalidOperationException>().WithMessage(RedisServer.MissingBinaryMessage);
    }
}
