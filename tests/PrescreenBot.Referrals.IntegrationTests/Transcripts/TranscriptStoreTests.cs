using Microsoft.Extensions.Logging.Abstractions;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Storage;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Referrals.IntegrationTests.Transcripts;

[Collection(InfrastructureCollection.Name)]
public sealed class TranscriptStoreTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogActivityAsync_ActivitiesInAndOut_AreReadBackInOrderWithDirectionAndJson(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [new TestSite { Emails = ["c@site.example"] }], time);
        var logger = new StoreTranscriptLogger(app.Transcripts, time, NullLogger<StoreTranscriptLogger>.Instance);
        var conversation = new ConversationAccount { Id = "conv-" + Guid.NewGuid().ToString("N") };

        await logger.LogActivityAsync(new Activity
        {
            Type = ActivityTypes.Message, Id = "in-1", ChannelId = "webchat", Conversation = conversation, Text = "Hello, I have lupus",
            From = new ChannelAccount { Id = "user", Role = RoleTypes.User }, Timestamp = time.GetUtcNow(),
        });
        time.Advance(TimeSpan.FromSeconds(1));
        await logger.LogActivityAsync(new Activity
        {
            Type = ActivityTypes.Message, Id = "out-1", ChannelId = "webchat", Conversation = conversation, Text = "How old are you?",
            From = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        });

        var entries = await app.Transcripts.ReadAsync("webchat", conversation.Id);

        entries.Select(entry => entry.Entry.ActivityId).Should().Equal("in-1", "out-1");
        entries.Select(entry => entry.Entry.Direction).Should().Equal(TranscriptDirection.Incoming, TranscriptDirection.Outgoing);
        entries[0].Entry.ActivityJson.Should().Contain("Hello, I have lupus");
        entries[1].Entry.Timestamp.Should().Be(time.GetUtcNow(), "an activity without a timestamp is stamped when recorded");
        entries[1].Sequence.Should().BeGreaterThan(entries[0].Sequence);
        BotJson.ParseActivity(entries[1].Entry.ActivityJson).Text.Should().Be("How old are you?");
    }

    [Fact]
    public async Task LogActivityAsync_ActivityWithoutConversation_IsNotStoredAndDoesNotThrow()
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite), [new TestSite { Emails = ["c@site.example"] }], time);
        var logger = new StoreTranscriptLogger(app.Transcripts, time, NullLogger<StoreTranscriptLogger>.Instance);

        await logger.LogActivityAsync(new Activity { Type = ActivityTypes.Message, ChannelId = "webchat" });
        await logger.LogActivityAsync(new Activity { Type = ActivityTypes.Message, ChannelId = "webchat", Conversation = new ConversationAccount { Id = "" } });

        (await app.Transcripts.ReadAsync("webchat", "")).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendBatchAsync_ManyEntriesOfTwoConversations_AreReadBackInAppendOrder(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [new TestSite { Emails = ["c@site.example"] }], time);
        var first = "conv-" + Guid.NewGuid().ToString("N");
        var second = "conv-" + Guid.NewGuid().ToString("N");

        // More rows than one PostgreSQL statement takes, interleaved the way a busy writer sees them.
        var entries = Enumerable.Range(0, TranscriptStore.PostgresRowsPerStatement + 50)
            .Select(i => Entry(i % 2 == 0 ? first : second, $"a-{i}", i % 3 == 0 ? null : $"text {i}", time.GetUtcNow()))
            .ToList();
        await app.Transcripts.AppendBatchAsync(entries);

        var firstRead = await app.Transcripts.ReadAsync("webchat", first);
        var secondRead = await app.Transcripts.ReadAsync("webchat", second);
        firstRead.Select(e => e.Entry.ActivityId).Should().Equal(entries.Where(e => e.ConversationId == first).Select(e => e.ActivityId));
        secondRead.Select(e => e.Entry.ActivityId).Should().Equal(entries.Where(e => e.ConversationId == second).Select(e => e.ActivityId));
        firstRead.Select(e => e.Sequence).Should().BeInAscendingOrder();
        firstRead[2].Entry.ActivityJson.Should().Be(entries[4].ActivityJson);
    }

    [Fact]
    public async Task AppendBatchAsync_OneEntryWithoutConversation_WritesNothingAndThrows()
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite), [new TestSite { Emails = ["c@site.example"] }], time);
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        var append = () => app.Transcripts.AppendBatchAsync([Entry(conversation, "a-1", "hello", time.GetUtcNow()), Entry(" ", "a-2", "hi", time.GetUtcNow())]);

        await append.Should().ThrowAsync<ArgumentException>();
        (await app.Transcripts.ReadAsync("webchat", conversation)).Should().BeEmpty("a batch is written all or none");
    }

    [Fact]
    public async Task LogActivitiesAsync_BatchWithAnUnlinkableActivity_StoresTheOthersInOrder()
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite), [new TestSite { Emails = ["c@site.example"] }], time);
        var logger = new StoreTranscriptLogger(app.Transcripts, time, NullLogger<StoreTranscriptLogger>.Instance);
        var conversation = new ConversationAccount { Id = "conv-" + Guid.NewGuid().ToString("N") };

        await logger.LogActivitiesAsync(
        [
            new Activity { Type = ActivityTypes.Message, Id = "in-1", ChannelId = "webchat", Conversation = conversation, Text = "I am 34" },
            new Activity { Type = ActivityTypes.Message, Id = "lost", ChannelId = "webchat" },
            new Activity { Type = ActivityTypes.Message, Id = "out-1", ChannelId = "webchat", Conversation = conversation, From = new ChannelAccount { Role = RoleTypes.Bot } },
        ]);

        var entries = await app.Transcripts.ReadAsync("webchat", conversation.Id);
        entries.Select(e => e.Entry.ActivityId).Should().Equal("in-1", "out-1");
        entries.Select(e => e.Entry.Direction).Should().Equal(TranscriptDirection.Incoming, TranscriptDirection.Outgoing);
    }

    private static TranscriptEntry Entry(string conversationId, string? activityId, string? text, DateTimeOffset timestamp) => new()
    {
        ChannelId = "webchat",
        ConversationId = conversationId,
        ActivityId = activityId,
        Direction = TranscriptDirection.Incoming,
        ActivityType = ActivityTypes.Message,
        Timestamp = timestamp,
        ActivityJson = $$"""{"type":"message","id":"{{activityId}}","text":"{{text}}"}""",
    };
}
