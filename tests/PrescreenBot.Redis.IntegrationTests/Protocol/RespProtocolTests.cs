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

    [Fact]
    public async Task SetAsync_WithExpiryAndNx_AppliesFlags()
    {
        var key = RedisServerFixture.UniqueKey("setflags");

        (await Client.SetAsync(key, "first", TimeSpan.FromMinutes(5), Commands.SetCondition.IfNotExists)).Should().BeTrue();
        (await Client.SetAsync(key, "second", condition: Commands.SetCondition.IfNotExists)).Should().BeFalse();
        (await Client.SetAsync(key, "third", TimeSpan.FromMilliseconds(90_500), Commands.SetCondition.IfExists)).Should().BeTrue();

        (await Client.GetStringAsync(key)).Should().Be("third");
        (await Client.PTtlAsync(key)).Should().BeInRange(1, 90_500);
    }

    [Fact]
    public async Task ListAndHashCommands_BehaveAsRedisDocuments()
    {
        var list = RedisServerFixture.UniqueKey("list");
        var hash = RedisServerFixture.UniqueKey("hash");

        (await Client.RPushAsync(list, ["a", "b", "c", "d"])).Should().Be(4);
        await Client.LTrimAsync(list, 1, -1);
        (await Client.LRangeAsync(list, 0, -1)).Select(b => Encoding.UTF8.GetString(b)).Should().Equal("b", "c", "d");
        (await Client.LLenAsync(list)).Should().Be(3);

        (await Client.HSetAsync(hash, [new("f1", "v1"), new("f2", "v2")])).Should().Be(2);
        (await Client.HSetAsync(hash, "f1", "v1b")).Should().Be(0);
        Encoding.UTF8.GetString((await Client.HGetAsync(hash, "f1"))!).Should().Be("v1b");
        (await Client.HGetAllAsync(hash)).Keys.Should().BeEquivalentTo("f1", "f2");
        (await Client.HGetAsync(hash, "nope")).Should().BeNull();
    }

    [Fact]
    public async Task KeyCommands_DelExistsExpire_Work()
    {
        var key = RedisServerFixture.UniqueKey("keys");
        await Client.SetAsync(key, "v");

        (await Client.ExistsAsync(key)).Should().BeTrue();
        (await Client.ExpireAsync(key, TimeSpan.FromSeconds(100))).Should().BeTrue();
        (await Client.TtlAsync(key)).Should().BeInRange(1, 100);
        (await Client.DelAsync([key, RedisServerFixture.UniqueKey("nothing")])).Should().Be(1);
        (await Client.ExistsAsync(key)).Should().BeFalse();
        (await Client.TtlAsync(key)).Should().Be(-2);
    }

    [Fact]
    public async Task InfoAsync_ServerSection_ReportsVersion()
    {
        (await Client.InfoAsync("server")).Should().Contain("redis_version:");
    }
}
