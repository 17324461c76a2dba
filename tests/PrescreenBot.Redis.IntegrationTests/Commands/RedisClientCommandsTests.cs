using System.Text;
using PrescreenBot.Redis.Commands;
using PrescreenBot.Redis.IntegrationTests.Fixtures;

namespace PrescreenBot.Redis.IntegrationTests.Commands;

public sealed class RedisClientCommandsTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private RedisClient Client => fixture.Client;

    [Fact]
    public async Task SetAsync_WithExpiryAndNx_AppliesFlags()
    {
        var key = RedisServerFixture.UniqueKey("setflags");

        (await Client.SetAsync(key, "first", TimeSpan.FromMinutes(5), SetCondition.IfNotExists)).Should().BeTrue();
        (await Client.SetAsync(key, "second", condition: SetCondition.IfNotExists)).Should().BeFalse();
        (await Client.SetAsync(key, "third", TimeSpan.FromMilliseconds(90_500), SetCondition.IfExists)).Should().BeTrue();

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

    [Fact]
    public async Task CounterAndHashDeletion_IncrByHDelDbSize_Work()
    {
        var counter = RedisServerFixture.UniqueKey("counter");
        var hash = RedisServerFixture.UniqueKey("hdel");
        await Client.HSetAsync(hash, "f", "v");

        (await Client.IncrByAsync(counter, 40)).Should().Be(40);
        (await Client.IncrAsync(counter)).Should().Be(41);
        (await Client.HDelAsync(hash, "f")).Should().Be(1);
        (await Client.ExistsAsync(hash)).Should().BeFalse("a hash without fields is deleted");
        (await Client.DbSizeAsync()).Should().BeGreaterThan(0);
    }
}
