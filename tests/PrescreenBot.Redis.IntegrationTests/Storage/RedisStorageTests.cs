using System.Text.Json;
using PrescreenBot.Bot.State;
using PrescreenBot.Redis.IntegrationTests.Fixtures;
using PrescreenBot.Redis.Storage;

namespace PrescreenBot.Redis.IntegrationTests.Storage;

public sealed class RedisStorageTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private readonly RedisStorage _storage = new(fixture.Client, new RedisStorageOptions { KeyPrefix = $"t{Guid.NewGuid():N}:" });

    [Fact]
    public async Task WriteAsync_NewItem_GetsEtagAndReadsBackEqual()
    {
        var item = new ConversationData { Step = "age", Answers = ["yes", "line\nbreak"] };

        await _storage.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/c1"] = item });

        item.ETag.Should().NotBeNullOrEmpty();
        var read = await _storage.ReadAsync<ConversationData>(["webchat/conversations/c1", "webchat/conversations/none"]);
        read.Should().ContainSingle();
        read["webchat/conversations/c1"].Should().BeEquivalentTo(item);
    }

    [Fact]
    public async Task ReadAsync_Untyped_ReturnsJsonElementsWithCamelCaseAndEtag()
    {
        var item = new ConversationData { Step = "consent" };
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = item, ["plain"] = new Dictionary<string, int> { ["count"] = 3 } });

        var read = await _storage.ReadAsync(["k", "plain"]);

        var element = read["k"].Should().BeOfType<JsonElement>().Subject;
        element.GetProperty("step").GetString().Should().Be("consent");
        element.GetProperty("eTag").GetString().Should().Be(item.ETag);
        element.TryGetProperty("answers", out _).Should().BeTrue();
        ((JsonElement)read["plain"]).GetProperty("count").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task WriteAsync_StaleEtag_ThrowsEtagExceptionAndKeepsNewerValue()
    {
        var first = new ConversationData { Step = "one" };
        await _storage.WriteAsync(new Dictionary<string, object> { ["stale"] = first });
        var copy = (await _storage.ReadAsync<ConversationData>(["stale"]))["stale"];
        first.Step = "two";
        await _storage.WriteAsync(new Dictionary<string, object> { ["stale"] = first });
        var readEtag = copy.ETag;

        copy.Step = "lost update";
        var act = () => _storage.WriteAsync(new Dictionary<string, object> { ["stale"] = copy });

        (await act.Should().ThrowAsync<EtagException>()).Which.Key.Should().Be("stale");
        copy.ETag.Should().Be(readEtag, "a refused write leaves the item as it was read, ready for a retry");
        (await _storage.ReadAsync<ConversationData>(["stale"]))["stale"].Step.Should().Be("two");
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersFromSameEtag_ExactlyOneWins()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["race"] = new ConversationData { Step = "start" } });
        var etag = (await _storage.ReadAsync<ConversationData>(["race"]))["race"].ETag;
        const int writers = 50;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            await Task.Yield();
            try
            {
                await _storage.WriteAsync(new Dictionary<string, object> { ["race"] = new ConversationData { Step = $"w{i}", ETag = etag } });
                return $"w{i}";
            }
            catch (EtagException)
            {
                return null;
            }
        }));

        var winners = outcomes.Where(o => o is not null).ToList();
        winners.Should().ContainSingle();
        (await _storage.ReadAsync<ConversationData>(["race"]))["race"].Step.Should().Be(winners[0]);
    }

    [Fact]
    public async Task WriteAsync_StarOrNullEtag_LastWriteWins()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["lww"] = new ConversationData { Step = "a" } });

        await _storage.WriteAsync(new Dictionary<string, object> { ["lww"] = new ConversationData { Step = "b", ETag = "*" } });
        await _storage.WriteAsync(new Dictionary<string, object> { ["lww"] = new ConversationData { Step = "c", ETag = null } });

        (await _storage.ReadAsync<ConversationData>(["lww"]))["lww"].Step.Should().Be("c");
    }

    [Fact]
    public async Task WriteAsync_EtagExpectedButKeyGone_IsAConflict()
    {
        var item = new ConversationData { Step = "a" };
        await _storage.WriteAsync(new Dictionary<string, object> { ["gone"] = item });
        await _storage.DeleteAsync(["gone"]);

        var act = () => _storage.WriteAsync(new Dictionary<string, object> { ["gone"] = item });

        await act.Should().ThrowAsync<EtagException>();
    }

    [Fact]
    public async Task WriteAsync_SeveralKeysOneConflicting_WritesNoneOfThem()
    {
        var fresh = new ConversationData { Step = "user" };
        await _storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new ConversationData { Step = "v1" } });
        var stale = new ConversationData { Step = "v2", ETag = "not-the-current-one" };

        var act = () => _storage.WriteAsync(new Dictionary<string, object> { ["user"] = fresh, ["conv"] = stale });

        (await act.Should().ThrowAsync<EtagException>()).Which.Key.Should().Be("conv");
        (await _storage.ReadAsync(["user"])).Should().BeEmpty();
        fresh.ETag.Should().BeNull();
    }

    [Fact]
    public async Task WriteAsync_ByDefault_SetsSeventyTwoHourIdleExpiry()
    {
        var storage = new RedisStorage(fixture.Client);
        var key = RedisServerFixture.UniqueKey("ttl");

        await storage.WriteAsync(new Dictionary<string, object> { [key] = new ConversationData() });

        var ttl = await fixture.Client.TtlAsync(RedisStorageOptions.DefaultKeyPrefix + key);
        ttl.Should().BeInRange((long)TimeSpan.FromHours(71).TotalSeconds, (long)TimeSpan.FromHours(72).TotalSeconds);
        await storage.DeleteAsync([key]);
    }

    [Fact]
    public async Task ReadAsync_AfterIdleExpiry_ReturnsNothing()
    {
        // Long enough that the read right after the write still finds the key on a loaded machine.
        var storage = new RedisStorage(fixture.Client, new RedisStorageOptions { KeyPrefix = $"x{Guid.NewGuid():N}:", IdleExpiry = TimeSpan.FromSeconds(3) });
        await storage.WriteAsync(new Dictionary<string, object> { ["short"] = new ConversationData { Step = "soon gone" } });
        (await storage.ReadAsync(["short"])).Should().ContainKey("short");

        var expired = await Eventually.BecomesTrueAsync(async () => (await storage.ReadAsync(["short"])).Count == 0);

        expired.Should().BeTrue("Redis drops the key once its idle expiry passes, and a read then finds nothing");
    }

    [Fact]
    public async Task DeleteAsync_PresentAndMissingKeys_RemovesPresentIgnoresMissing()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["del"] = new ConversationData() });

        await _storage.DeleteAsync(["del", "never-there"]);

        (await _storage.ReadAsync(["del"])).Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_ValueNotWrittenByStorage_ThrowsClearErrorAndLeavesItAlone()
    {
        var prefix = $"y{Guid.NewGuid():N}:";
        var storage = new RedisStorage(fixture.Client, new RedisStorageOptions { KeyPrefix = prefix });
        await fixture.Client.SetAsync(prefix + "foreign", "no separator here");

        var act = () => storage.ReadAsync(["foreign"]);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("'foreign'");
        (await fixture.Client.GetStringAsync(prefix + "foreign")).Should().Be("no separator here");
    }

    [Fact]
    public async Task WriteAsync_NewEtagOnExistingKey_IsAConflictLikeMemoryStorage()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["empty-etag"] = new ConversationData { Step = "a" } });

        var act = () => _storage.WriteAsync(new Dictionary<string, object> { ["empty-etag"] = new ConversationData { Step = "b", ETag = StoreItemETags.New } });

        await act.Should().ThrowAsync<EtagException>();
        (await _storage.ReadAsync<ConversationData>(["empty-etag"]))["empty-etag"].Step.Should().Be("a");
    }

    [Fact]
    public async Task WriteAsync_NewEtagOnMissingKey_Creates()
    {
        var item = new ConversationData { Step = "first", ETag = StoreItemETags.New };

        await _storage.WriteAsync(new Dictionary<string, object> { ["created-once"] = item });

        item.ETag.Should().NotBeNullOrEmpty();
        (await _storage.ReadAsync<ConversationData>(["created-once"]))["created-once"].Step.Should().Be("first");
    }

    [Fact]
    public async Task WriteAsync_TwoConcurrentCreates_ExactlyOneWins()
    {
        var writes = Enumerable.Range(0, 20).Select(i => Task.Run(() => _storage.WriteAsync(
            new Dictionary<string, object> { ["raced-create"] = new ConversationData { Step = $"s{i}", ETag = StoreItemETags.New } })));

        var outcomes = await Task.WhenAll(writes.Select(async w => { try { await w; return true; } catch (EtagException) { return false; } }));

        outcomes.Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task ReadAsync_StoredJsonOfAnotherShape_ThrowsClearErrorNamingTheKey()
    {
        var prefix = $"z{Guid.NewGuid():N}:";
        var storage = new RedisStorage(fixture.Client, new RedisStorageOptions { KeyPrefix = prefix });
        await fixture.Client.SetAsync(prefix + "odd", "etag1\n[1,2,3]");

        var act = () => storage.ReadAsync<ConversationData>(["odd"]);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("'odd'").And.Contain(nameof(ConversationData));
    }

    [Fact]
    public async Task WriteAsync_NullValueOrEmptyKey_ThrowsArgumentException()
    {
        var nullValue = () => _storage.WriteAsync(new Dictionary<string, object> { ["k"] = null! });
        var emptyKey = () => _storage.ReadAsync([string.Empty]);

        await nullValue.Should().ThrowAsync<ArgumentException>();
        await emptyKey.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Turn_ReadThenCompareAndSet_TakesTwoRoundTrips()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["turn"] = new ConversationData { Step = "a" } });
        var before = fixture.Client.Statistics.CommandsSent;

        var state = (await _storage.ReadAsync<ConversationData>(["turn"]))["turn"];
        state.Step = "b";
        await _storage.WriteAsync(new Dictionary<string, object> { ["turn"] = state });

        (fixture.Client.Statistics.CommandsSent - before).Should().BeLessThanOrEqualTo(2);
    }

    public sealed class ConversationData : IStoreItem
    {
        public string? Step { get; set; }

        public List<string> Answers { get; set; } = [];

        public string? ETag { get; set; }
    }
}
