using System.Text;
using PrescreenBot.Redis.IntegrationTests.Fixtures;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.IntegrationTests.Protocol;

public sealed class RespProtocolTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private RedisClient Client => fixture.Client;

    [Fact]
    public async Task SetAsync_ValueWithCrlfInside_ComesBackByteForByte()
    {
        var key = RedisServerFixture.UniqueKey("crlf");
        const string value = "line one\r\nline two\r\n$5\r\n*3\r\n-ERR not an error\r\n";

        await Client.SetAsync(key, value);

        (await Client.GetStringAsync(key)).Should().Be(value);
    }

    [Fact]
    public async Task SetAsync_EveryByteValue_IsBinarySafe()
    {
        var key = RedisServerFixture.UniqueKey("binary");
        var value = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0, 13, 10, 0 }).ToArray();

        await Client.SetAsync(key, value);

        (await Client.GetAsync(key)).Should().Equal(value);
    }

    [Fact]
    public async Task SetAsync_OneMegabyteValue_RoundTrips()
    {
        var key = RedisServerFixture.UniqueKey("large");
        var value = new byte[1024 * 1024 + 17];
        new Random(42).NextBytes(value);

        await Client.SetAsync(key, value);

        (await Client.GetAsync(key)).Should().Equal(value);
    }

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        (await Client.GetAsync(RedisServerFixture.UniqueKey("missing"))).Should().BeNull();
    }

    [Fact]
    public async Task SetAsync_EmptyValue_IsEmptyNotNull()
    {
        var key = RedisServerFixture.UniqueKey("empty");

        await Client.SetAsync(key, string.Empty);

        (await Client.GetAsync(key)).Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public async Task MGetAsync_MixOfPresentAndMissing_KeepsPositionsAndNils()
    {
        var present = RedisServerFixture.UniqueKey("present");
        await Client.SetAsync(present, "here");

        var values = await Client.MGetAsync([RedisServerFixture.UniqueKey("gone"), present, RedisServerFixture.UniqueKey("gone")]);

        values.Should().HaveCount(3);
        values[0].Should().BeNull();
        Encoding.UTF8.GetString(values[1]!).Should().Be("here");
        values[2].Should().BeNull();
    }

    [Fact]
    public async Task ExecuteAsync_ErrorReply_ThrowsServerExceptionAndConnectionStaysUsable()
    {
        var key = RedisServerFixture.UniqueKey("wrongtype");
        await Client.RPushAsync(key, "item");

        var act = () => Client.GetAsync(key);

        (await act.Should().ThrowAsync<RedisServerException>()).Which.ErrorCode.Should().Be("WRONGTYPE");
        (await Client.ExecuteAsync("ECHO", "still in step")).ToString().Should().Be("still in step");
    }

    [Fact]
    public async Task ExecuteAsync_UnknownCommand_ThrowsServerExceptionWithErr()
    {
        var act = () => Client.ExecuteAsync("NOSUCHCOMMAND", "x");

        (await act.Should().ThrowAsync<RedisServerException>()).Which.ErrorCode.Should().Be("ERR");
    }

    [Fact]
    public async Task EvalAsync_NestedArraysWithNilsIntegersAndErrors_ParsesEveryLevel()
    {
        const string script = "return {1, 'two', {3, {'four', false}}, redis.error_reply('INNER oops')}";

        var reply = await Client.EvalAsync(script, [], []);

        reply.Type.Should().Be(RespType.Array);
        reply.Items[0].Integer.Should().Be(1);
        reply.Items[1].ToString().Should().Be("two");
        reply.Items[2].Items[0].Integer.Should().Be(3);
        reply.Items[2].Items[1].Items[0].ToString().Should().Be("four");
        reply.Items[2].Items[1].Items[1].IsNull.Should().BeTrue();
        reply.Items[3].IsError.Should().BeTrue();
        reply.Items[3].ToString().Should().Be("INNER oops");
    }

    [Fact]
    public async Task ExecuteAsync_ThousandsOfConcurrentCallers_EachGetsItsOwnReply()
    {
        var prefix = RedisServerFixture.UniqueKey("burst");
        const int callers = 5000;

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(async i =>
        {
            await Task.Yield();
            await Client.SetAsync($"{prefix}:{i}", $"value-{i}");
            return (i, await Client.GetStringAsync($"{prefix}:{i}"), await Client.IncrAsync($"{prefix}:counter"));
        }));

        results.Should().OnlyContain(r => r.Item2 == $"value-{r.i}");
        results.Select(r => r.Item3).Should().OnlyHaveUniqueItems().And.HaveCount(callers);
        (await Client.GetStringAsync($"{prefix}:counter")).Should().Be(callers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Client.Statistics.SocketWrites.Should().BeLessThan(Client.Statistics.CommandsSent, "pipelining batches commands into shared writes");
    }
}
