using System.Text.Json;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.State;

public sealed class CompactStateJsonTests
{
    private sealed class Progress
    {
        public required string Id { get; set; }

        public bool Consented { get; set; }

        public bool Reminders { get; set; } = true;

        public string Locale { get; set; } = "en-US";

        public int Asked { get; set; }

        public List<string> Answers { get; set; } = [];

        public HashSet<string> Opened { get; set; } = [];

        public string? Note { get; set; }
    }

    private static async Task<(JsonElement Raw, Progress? Read)> RoundTripAsync(Progress value)
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var property = state.CreateProperty<Progress>("compactProgress");
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, adapter.MakeActivity("hi"));
        await property.SetAsync(turn, value);
        await state.SaveChangesAsync(turn);
        var key = state.GetStorageKey(turn);
        var raw = (JsonElement)(await storage.ReadAsync([key]))[key];
        var next = new TurnContext(adapter, adapter.MakeActivity("again"));
        return (raw.GetProperty("compactProgress"), await property.GetAsync(next));
    }

    [Fact]
    public async Task Write_ValuesAsFreshlyConstructed_LeftOutAndReadBackTheSame()
    {
        var (raw, read) = await RoundTripAsync(new Progress { Id = "p1" });

        raw.EnumerateObject().Select(p => p.Name).Should().Equal("id");
        read.Should().BeEquivalentTo(new Progress { Id = "p1" });
    }

    [Fact]
    public async Task Write_ValuesDifferingFromInitializers_KeptAndReadBackTheSame()
    {
        var value = new Progress { Id = "p2", Consented = true, Reminders = false, Locale = "zh-CN", Asked = 3, Answers = ["a"], Opened = ["g"], Note = "n" };

        var (raw, read) = await RoundTripAsync(value);

        raw.EnumerateObject().Should().HaveCount(8);
        raw.GetProperty("reminders").GetBoolean().Should().BeFalse("false differs from the initializer's true");
        read.Should().BeEquivalentTo(value);
    }
}
