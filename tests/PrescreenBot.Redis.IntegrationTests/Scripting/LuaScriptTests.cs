using PrescreenBot.Redis.IntegrationTests.Fixtures;
using PrescreenBot.Redis.Scripting;

namespace PrescreenBot.Redis.IntegrationTests.Scripting;

public sealed class LuaScriptTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private static readonly LuaScript Concatenate = new("return KEYS[1] .. ':' .. ARGV[1]");

    [Fact]
    public async Task EvaluateAsync_AfterScriptFlush_FallsBackToEvalAndCachesAgain()
    {
        var client = fixture.Client;
        (await Concatenate.EvaluateAsync(client, ["k"], ["first"])).ToString().Should().Be("k:first");

        await client.ExecuteAsync("SCRIPT", "FLUSH");
        var beforeRetry = client.Statistics.CommandsSent;
        var afterFlush = await Concatenate.EvaluateAsync(client, ["k"], ["second"]);

        afterFlush.ToString().Should().Be("k:second");
        (client.Statistics.CommandsSent - beforeRetry).Should().Be(2, "one EVALSHA refused with NOSCRIPT, one EVAL");
        (await client.ExecuteAsync("SCRIPT", "EXISTS", Concatenate.Sha1)).Items[0].Integer.Should().Be(1);
    }

    [Fact]
    public async Task EvalShaAsync_UnknownScript_ThrowsNoscript()
    {
        var act = () => fixture.Client.EvalShaAsync(new string('0', 40), [], []);

        (await act.Should().ThrowAsync<RedisServerException>()).Which.ErrorCode.Should().Be("NOSCRIPT");
    }

    [Fact]
    public async Task ScriptLoadAsync_ReturnsTheSha1WeComputed()
    {
        (await fixture.Client.ScriptLoadAsync(Concatenate.Source)).Should().Be(Concatenate.Sha1);
    }
}
