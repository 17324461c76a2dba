using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Delivery.Teams;

[Collection(InfrastructureCollection.Name)]
public sealed class TeamsChannelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task DeliverAsync_ConfiguredConversation_PostsThinTextThroughTheSender()
    {
        var teams = new RecordingTeamsSender();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite),
            [new TestSite { TeamsServiceUrl = "https://smba.example/apac/", TeamsConversationId = "19:abc@thread.tacv2" }],
            new ManualTimeProvider(),
            teams: teams);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        await app.DrainAsync();

        var message = teams.Sent.Should().ContainSingle().Subject;
        message.ServiceUrl.Should().Be("https://smba.example/apac/");
        message.ConversationId.Should().Be("19:abc@thread.tacv2");
        message.ReferralId.Should().Be(referralId);
        message.MessageId.Should().Be((await app.Outbox.ListForReferralAsync(referralId)).Single().Id);
        message.Text.Should().Contain(TestReferrals.PatientPhone).And.Contain($"https://portal.example/referrals/{referralId}")
            .And.NotContain(TestReferrals.SecretAnswer);
    }

    [Fact]
    public async Task DeliverAsync_NoSenderRegisteredByHost_FailsWithClearCode()
    {
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite),
            [new TestSite { TeamsConversationId = "19:abc@thread.tacv2" }],
            new ManualTimeProvider());
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        await app.DrainAsync();

        var row = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be(OutboxStates.Pending);
        row.LastErrorCode.Should().Be("teams_sender_not_registered");
    }
}
