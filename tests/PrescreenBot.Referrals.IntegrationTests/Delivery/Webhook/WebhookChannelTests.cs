using System.Text.Json;
using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Delivery.Webhook;

[Collection(InfrastructureCollection.Name)]
public sealed class WebhookChannelTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData(TestSite.DefaultSecret)]
    [InlineData("a-raw-secret-of-at-least-24-bytes")]
    public async Task DeliverAsync_RealReceiver_SignatureVerifiesAndPayloadIsThin(string secret)
    {
        await using var receiver = new WebhookReceiver(secret);
        var time = new ManualTimeProvider();
        await using var app = await ReferralsApp.StartAsync(
            await infrastructure.CreateDatabaseAsync(DatabaseProvider.Sqlite),
            [new TestSite { WebhookUrl = receiver.Url, WebhookSecret = secret }],
            time);
        var referralId = (await app.Referrals.CreateAsync(TestReferrals.Request())).ReferralId;

        await app.DrainAsync();

        var request = receiver.Received.Should().ContainSingle().Subject;
        request.SignatureValid.Should().BeTrue();
        request.Id.Should().Be((await app.Outbox.ListForReferralAsync(referralId)).Single().Id);
        request.Timestamp.Should().Be(time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.ContentType.Should().StartWith("application/json");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("type").GetString().Should().Be("referral.created");
        var data = body.RootElement.GetProperty("data");
        data.GetProperty("referralId").GetString().Should().Be(referralId);
        data.GetProperty("trialId").GetString().Should().Be(TestSite.DefaultTrial);
        data.GetProperty("siteId").GetString().Should().Be(TestSite.DefaultId);
        data.GetProperty("verdict").GetString().Should().Be("likelyEligible");
        data.GetProperty("contact").GetProperty("phone").GetString().Should().Be(TestReferrals.PatientPhone);
        data.GetProperty("link").GetString().Should().Be($"https://portal.example/referrals/{referralId}");
        request.Body.Should().NotContain(TestReferrals.SecretAnswer).And.NotContain(TestReferrals.SecretCriterion).And.NotContain("pregnancy-check");
    }
}
