using PrescreenBot.Referrals.Delivery.Email;
using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Delivery.Email;

[Collection(InfrastructureCollection.Name)]
public sealed class SmtpEmailChannelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task DeliverAsync_RealSmtpServer_SendsThinReferralToEverySiteAddress()
    {
        var smtp = await infrastructure.SmtpAsync();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite),
            [new TestSite { Emails = ["coordinator@site.example", "nurse@site.example"] }],
            new ManualTimeProvider(),
            smtp.Port);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        await app.DrainAsync();

        var raw = (await smtp.WaitForMessagesAsync(referralId, 1)).Should().ContainSingle().Subject;
        var message = SavedEmail.Parse(raw);
        var outboxId = (await app.Outbox.ListForReferralAsync(referralId)).Single().Id;
        message.Headers.Should().Contain("X-Envelope-To: coordinator@site.example,nurse@site.example")
            .And.Contain("X-Envelope-From: prescreen@bot.example")
            .And.Contain($"{SmtpEmailChannel.DeliveryIdHeader}: {outboxId}")
            .And.Contain("Subject: Pre-screening referral for NCT00000001 (likely eligible)")
            .And.NotContain(TestReferrals.PatientName, "names stay out of headers");
        message.Body.Should().Contain(TestReferrals.PatientName)
            .And.Contain(TestReferrals.PatientPhone)
            .And.Contain(TestReferrals.PatientEmail)
            .And.Contain($"https://portal.example/referrals/{referralId}");
        raw.Should().NotContain(TestReferrals.SecretAnswer, "e-mail is a thin payload: answers stay behind the portal")
            .And.NotContain(TestReferrals.SecretCriterion)
            .And.NotContain("pregnancy-check");
        message.Body.Should().NotContain(TestReferrals.SecretAnswer).And.NotContain(TestReferrals.SecretCriterion);
    }

    [Fact]
    public async Task DeliverAsync_NoSmtpServerListening_RecordsConnectionFailureForRetry()
    {
        var time = new ManualTimeProvider();
        using var nobodyListens = new RefusedPort();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite),
            [new TestSite { Emails = ["coordinator@site.example"] }],
            time,
            nobodyListens.Port);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        await app.DrainAsync();

        var row = (await app.Outbox.ListForReferralAsync(referralId)).Single();
        row.State.Should().Be("pending");
        row.AttemptCount.Should().Be(1);
        row.LastErrorCode.Should().Be("connection_failed");
    }
}
