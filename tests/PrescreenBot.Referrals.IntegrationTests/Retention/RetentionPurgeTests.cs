using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Storage;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Referrals.IntegrationTests.Retention;

[Collection(InfrastructureCollection.Name)]
public sealed class RetentionPurgeTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PurgeAsync_DataOlderThanRetention_IsRemovedAndNewerDataKept(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider),
            [new TestSite { Emails = ["c@site.example"] }],
            time,
            extraSettings: [new("Referrals:RetentionDays", "30"), new("Transcripts:RetentionDays", "30")]);
        var old = TestReferrals.Request();
        var oldReferral = await app.Referrals.CreateAsync(old);
        await app.Transcripts.AppendAsync(Entry(old.ChannelId, old.ConversationId, time));
        time.Advance(TimeSpan.FromDays(20));
        var recent = TestReferrals.Request();
        var recentReferral = await app.Referrals.CreateAsync(recent);
        await app.Transcripts.AppendAsync(Entry(recent.ChannelId, recent.ConversationId, time));
        time.Advance(TimeSpan.FromDays(11));

        var result = await app.Purge.PurgeAsync();

        result.Referrals.Should().Be(1);
        result.TranscriptEntries.Should().Be(1);
        (await app.Store.FindAsync(oldReferral.ReferralId)).Should().BeNull();
        (await app.Outbox.ListForReferralAsync(oldReferral.ReferralId)).Should().BeEmpty();
        (await app.Transcripts.ReadAsync(old.ChannelId, old.ConversationId)).Should().BeEmpty();
        (await app.Store.FindAsync(recentReferral.ReferralId)).Should().NotBeNull();
        (await app.Transcripts.ReadAsync(recent.ChannelId, recent.ConversationId)).Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PurgeAsync_RetentionZero_KeepsEverything(DatabaseProvider provider)
    {
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(provider),
            [new TestSite { Emails = ["c@site.example"] }],
            time,
            extraSettings: [new("Referrals:RetentionDays", "0"), new("Transcripts:RetentionDays", "0")]);
        var receipt = await app.Referrals.CreateAsync(TestReferrals.Request());
        time.Advance(TimeSpan.FromDays(3650));

        var result = await app.Purge.PurgeAsync();

        result.Should().Be(new PrescreenBot.Referrals.Retention.RetentionPurgeResult(0, 0));
        (await app.Store.FindAsync(receipt.ReferralId)).Should().NotBeNull();
    }

    private static TranscriptEntry Entry(string channelId, string conversationId, TimeProvider time) => new()
    {
        ChannelId = channelId,
        ConversationId = conversationId,
        Direction = TranscriptDirection.Incoming,
        ActivityType = "message",
        Timestamp = time.GetUtcNow(),
        ActivityJson = """{"type":"message"}""",
    };
}
