using System.Text.Json;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.UnitTests.State;

public sealed class MemoryStorageTests
{
    private sealed class Item : IStoreItem
    {
        public string? ETag { get; set; }
        public int Count { get; set; }
        public List<string> Names { get; set; } = [];
    }

    [Fact]
    public async Task WriteAsync_NewItem_AssignsETagOnInstance()
    {
        var storage = new MemoryStorage();
        var item = new Item { Count = 1 };

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = item });

        item.ETag.Should().NotBeNullOrEmpty();
        var read = await storage.ReadAsync<Item>(["k"]);
        read["k"].ETag.Should().Be(item.ETag);
        read["k"].Count.Should().Be(1);
    }

    [Fact]
    public async Task ReadAsync_TwoReads_NeverShareReferences()
    {
        var storage = new MemoryStorage();
        var item = new Item { Names = ["a"] };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = item });
        item.Names.Add("changed after write");

        var first = (await storage.ReadAsync<Item>(["k"]))["k"];
        first.Names.Add("changed by reader");
        var second = (await storage.ReadAsync<Item>(["k"]))["k"];

        second.Names.Should().Equal("a");
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsEtagExceptionAndKeepsStoredValue()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Count = 1 } });
        var turnA = (await storage.ReadAsync<Item>(["k"]))["k"];
        var turnB = (await storage.ReadAsync<Item>(["k"]))["k"];
        turnA.Count = 2;
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = turnA });

        turnB.Count = 3;
        var write = () => storage.WriteAsync(new Dictionary<string, object> { ["k"] = turnB });

        (await write.Should().ThrowAsync<EtagException>()).Which.Key.Should().Be("k");
        (await storage.ReadAsync<Item>(["k"]))["k"].Count.Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_WildcardETag_LastWriteWins()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Count = 1 } });

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { ETag = "*", Count = 9 } });

        (await storage.ReadAsync<Item>(["k"]))["k"].Count.Should().Be(9);
    }

    [Fact]
    public async Task WriteAsync_NewETagForMissingKey_Creates()
    {
        var storage = new MemoryStorage();
        var item = new Item { ETag = StoreItemETags.New, Count = 1 };

        await storage.WriteAsync(new Dictionary<string, object> { ["fresh"] = item });

        (await storage.ReadAsync<Item>(["fresh"]))["fresh"].Count.Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_NewETagForExistingKey_Conflicts()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["taken"] = new Item { Count = 1 } });

        var write = () => storage.WriteAsync(new Dictionary<string, object> { ["taken"] = new Item { ETag = StoreItemETags.New, Count = 2 } });

        await write.Should().ThrowAsync<EtagException>();
        (await storage.ReadAsync<Item>(["taken"]))["taken"].Count.Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_ETagForMissingKey_Conflicts()
    {
        var storage = new MemoryStorage();

        var write = () => storage.WriteAsync(new Dictionary<string, object> { ["gone"] = new Item { ETag = "7" } });

        await write.Should().ThrowAsync<EtagException>();
    }

    [Fact]
    public async Task WriteAsync_BatchWithOneConflict_WritesNothing()
    {
        var storage = new MemoryStorage();

        var write = () => storage.WriteAsync(new Dictionary<string, object> { ["ok"] = new Item(), ["bad"] = new Item { ETag = "nope" } });

        await write.Should().ThrowAsync<EtagException>();
        storage.Count.Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_BatchConflictAfterUpdatingAnotherKey_PutsItBackAndKeepsItemETags()
    {
        var storage = new MemoryStorage();
        var first = new Item { Count = 1 };
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = first });
        var loadedETag = first.ETag;
        first.Count = 2;
        var second = new Item { ETag = "stale" };

        var write = () => storage.WriteAsync(new Dictionary<string, object> { ["a"] = first, ["b"] = second });

        await write.Should().ThrowAsync<EtagException>();
        var read = await storage.ReadAsync<Item>(["a", "b"]);
        read.Should().ContainSingle();
        read["a"].Count.Should().Be(1);
        read["a"].ETag.Should().Be(loadedETag);
        first.ETag.Should().Be(loadedETag, "a failed write leaves the caller's item as it was");
        second.ETag.Should().Be("stale");
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentWritersWithOneETag_ExactlyOneWins()
    {
        var storage = new MemoryStorage();
        var seed = new Item();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = seed });
        var writers = Enumerable.Range(1, 64).Select(n => new Item { ETag = seed.ETag, Count = n }).ToArray();

        var outcomes = await Task.WhenAll(writers.Select(item => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["k"] = item });
                return true;
            }
            catch (EtagException)
            {
                return false;
            }
        })));

        outcomes.Count(won => won).Should().Be(1);
        var winner = writers[Array.IndexOf(outcomes, true)];
        (await storage.ReadAsync<Item>(["k"]))["k"].Count.Should().Be(winner.Count);
    }

    [Fact]
    public async Task ReadAsync_Untyped_ReturnsJsonElementWithETag()
    {
        var storage = new MemoryStorage();
        var item = new Item { Count = 4 };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = item, ["plain"] = new { A = 1 } });

        var read = await storage.ReadAsync(["k", "plain", "missing"]);

        read.Should().HaveCount(2);
        var element = read["k"].Should().BeOfType<JsonElement>().Subject;
        element.GetProperty("eTag").GetString().Should().Be(item.ETag);
        element.GetProperty("count").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task DeleteAsync_RemovesKeysAndIgnoresMissing()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item() });

        await storage.DeleteAsync(["k", "missing"]);

        (await storage.ReadAsync(["k"])).Should().BeEmpty();
    }
}
