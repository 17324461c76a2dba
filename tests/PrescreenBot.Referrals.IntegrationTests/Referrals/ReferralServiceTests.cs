using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Storage;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Referrals.IntegrationTests.Referrals;

[Collection(InfrastructureCollection.Name)]
public sealed class ReferralServiceTests(InfrastructureFixture infrastructure)
{
    private static readonly TestSite AllChannelsSite = new()
    {
        Emails = ["coordinator@site.example", "nurse@site.example"],
        WebhookUrl = "https://site.example/referrals",
        TeamsConversationId = "19:coordinators@thread.tacv2",
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_NewKey_StoresReferralAndOneOutboxRowPerChannel(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, AllChannelsSite);
        var request = TestReferrals.Request();

        var receipt = await app.Referrals.CreateAsync(request);

        receipt.Created.Should().BeTrue();
        receipt.SiteId.Should().Be(TestSite.DefaultId);
        var stored = await app.Store.FindAsync(receipt.ReferralId);
        stored.Should().NotBeNull();
        stored!.Contact.Should().BeEquivalentTo(request.Contact);
        stored.Answers.Should().Equal(request.Answers);
        stored.Flags.Should().Equal(request.Flags);
        stored.Consent.Should().Be(request.Consent);
        stored.ConversationId.Should().Be(request.ConversationId);
        stored.Status.Should().Be(ReferralStatus.Pending);
        var outbox = await app.Outbox.ListForReferralAsync(receipt.ReferralId);
        outbox.Select(row => row.Channel).Should().BeEquivalentTo([OutboxChannels.Email, OutboxChannels.Webhook, OutboxChannels.Teams]);
        outbox.Should().OnlyContain(row => row.State == OutboxStates.Pending && row.AttemptCount == 0);
        outbox.Single(row => row.Channel == OutboxChannels.Email).Target.Should().Be("coordinator@site.example,nurse@site.example");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_SameKeyAgainAndConcurrently_ReturnsSameReferralWithoutNewOutboxRows(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, AllChannelsSite);
        var request = TestReferrals.Request();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Referrals.CreateAsync(request)));
        var again = await app.Referrals.CreateAsync(request);

        receipts.Count(receipt => receipt.Created).Should().Be(1);
        receipts.Append(again).Select(receipt => receipt.ReferralId).Distinct().Should().ContainSingle();
        again.Created.Should().BeFalse();
        (await app.Outbox.ListForReferralAsync(again.ReferralId)).Should().HaveCount(3);
        (await app.Store.ListForConversationAsync(request.ChannelId, request.ConversationId)).Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_InvalidRequest_ThrowsNamingFieldsAndWritesNothing(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, AllChannelsSite);
        var valid = TestReferrals.Request();
        var invalid = valid with
        {
            Verdict = "unlikely",
            Contact = valid.Contact with { Email = "not-an-address", Phone = "12" },
        };

        var act = () => app.Referrals.CreateAsync(invalid);

        var thrown = await act.Should().ThrowAsync<ReferralValidationException>();
        thrown.Which.Errors.Should().HaveCount(3);
        thrown.Which.Message.Should().Contain("Verdict").And.Contain("Contact.Email").And.Contain("Contact.Phone")
            .And.NotContain("not-an-address", "error messages must not echo what the patient typed");
        (await app.Store.ListForConversationAsync(valid.ChannelId, valid.ConversationId)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_UnknownSiteOrTrialNotRunThere_Throws(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, AllChannelsSite);

        var unknownSite = () => app.Referrals.CreateAsync(TestReferrals.Request(siteId: "nowhere"));
        var wrongTrial = () => app.Referrals.CreateAsync(TestReferrals.Request(trialId: "NCT99999999"));

        (await unknownSite.Should().ThrowAsync<ReferralValidationException>()).Which.Message.Should().Contain("configured site");
        (await wrongTrial.Should().ThrowAsync<ReferralValidationException>()).Which.Message.Should().Contain("does not run this trial");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeletePatientDataAsync_ConversationWithReferralAndTranscript_RemovesOnlyThatConversationsData(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, AllChannelsSite);
        var mine = TestReferrals.Request();
        var someoneElse = TestReferrals.Request();
        var myReferral = await app.Referrals.CreateAsync(mine);
        var otherReferral = await app.Referrals.CreateAsync(someoneElse);
        await app.Transcripts.AppendAsync(Entry(mine.ChannelId, mine.ConversationId));
        await app.Transcripts.AppendAsync(Entry(someoneElse.ChannelId, someoneElse.ConversationId));

        var removed = await app.Referrals.DeletePatientDataAsync(mine.ChannelId, mine.ConversationId);

        removed.Should().Be(1);
        (await app.Store.FindAsync(myReferral.ReferralId)).Should().BeNull();
        (await app.Outbox.ListForReferralAsync(myReferral.ReferralId)).Should().BeEmpty();
        (await app.Transcripts.ReadAsync(mine.ChannelId, mine.ConversationId)).Should().BeEmpty();
        (await app.Store.FindAsync(otherReferral.ReferralId)).Should().NotBeNull();
        (await app.Outbox.ListForReferralAsync(otherReferral.ReferralId)).Should().HaveCount(3);
        (await app.Transcripts.ReadAsync(someoneElse.ChannelId, someoneElse.ConversationId)).Should().ContainSingle();
        (await app.Referrals.DeletePatientDataAsync(mine.ChannelId, mine.ConversationId)).Should().Be(0);
    }

    private async Task<ReferralsApp> StartAsync(DatabaseProvider provider, TestSite site) =>
        await ReferralsApp.StartAsync(await infrastructure.CreateDatabaseAsync(provider), [site], new ManualTimeProvider());

    private static TranscriptEntry Entry(string channelId, string conversationId) => new()
    {
        ChannelId = channelId,
        ConversationId = conversationId,
        ActivityId = "a1",
        Direction = TranscriptDirection.Incoming,
        ActivityType = "message",
        Timestamp = ManualTimeProvider.DefaultStart,
        ActivityJson = """{"type":"message","text":"I have lupus"}""",
    };
}
