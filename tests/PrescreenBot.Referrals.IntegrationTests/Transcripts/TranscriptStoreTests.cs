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
}
