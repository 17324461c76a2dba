using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Outbox;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// End to end (issue 7): a patient finishes the pre-screen in the real Web Chat, including the referral step, and the
/// site's webhook receiver on loopback gets exactly one referral, correctly signed (Standard Webhooks) and thin.
/// </summary>
public sealed class WebChatReferralTests(WebhookSiteApp app, ChromiumFixture chromium) : IClassFixture<WebhookSiteApp>, IClassFixture<ChromiumFixture>
{
    /// <summary>The dispatcher is woken by the new referral; this only bounds a broken delivery, it is not a speed check.</summary>
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(90);

    private const string PatientName = "Ana Li";
    private const string PatientEmail = "ana.li@example.org";

    /// <summary>A 34-year-old woman in Wuhan with refractory lupus for three years, no exclusions (the lupus trial's target).</summary>
    private static readonly Dictionary<string, string> LupusWomanInWuhan = new()
    {
        ["key:age"] = "34",
        ["key:sex"] = "female",
        ["key:condition"] = "lupus",
        ["key:refractory"] = "Yes",
        ["key:diagnosis-duration"] = "3 years",
        [StepIds.Country] = "China",
        [StepIds.City] = WebhookSiteApp.SiteCity,
        [StepIds.Share(WebhookSiteApp.TrialId)] = "Yes",
        [StepIds.Site] = $"{WebhookSiteApp.SiteName} ({WebhookSiteApp.SiteCity})",
        [StepIds.Name] = PatientName,
        [StepIds.Phone] = "+86 138 0013 8000",
        [StepIds.Email] = PatientEmail,
        [StepIds.BestTime] = "Morning",
        [StepIds.Language] = "English",
        [StepIds.Confirm] = "Yes",
    };

    [Fact]
    public async Task Page_PatientCompletesReferralStep_SiteWebhookReceivesOneSignedThinReferral()
    {
        await using var session = await WebChatSession.OpenAsync(chromium.Browser, new Uri(app.BaseAddress, $"/?trial={WebhookSiteApp.TrialId}"));
        var walk = new PrescreenWalk(session, Locales.English) { Answers = LupusWomanInWuhan };

        var result = await walk.UntilVerdictAsync();
        var referral = await walk.UntilReferralAsync();
        var referralId = (string)referral["value"]!["referralId"]!;
        await session.SeeTextAsync(referralId); // "sent to {site}… reference {id}": the patient is told
        var outbox = await DeliveredAsync(referralId);

        var verdict = (result["value"]!["verdicts"] as JsonArray ?? []).OfType<JsonObject>().Single();
        ((string)verdict["trialId"]!).Should().Be(WebhookSiteApp.TrialId);
        ((string)verdict["verdict"]!).Should().BeOneOf("likelyEligible", "needsReview");
        ((string)referral["value"]!["siteId"]!).Should().Be(WebhookSiteApp.SiteId, "the patient chose the loopback site among the two in Wuhan");
        StepsAsked(session).Should().ContainInOrder(
            StepIds.Share(WebhookSiteApp.TrialId), StepIds.Site, StepIds.Name, StepIds.Phone, StepIds.Email, StepIds.BestTime, StepIds.Language, StepIds.Confirm);
        var row = outbox.Should().ContainSingle("the site has one channel, the webhook").Subject;
        row.Channel.Should().Be("webhook");
        row.AttemptCount.Should().Be(1);
        var webhook = app.Receiver.Received.Should().ContainSingle("one referral, delivered once").Subject;
        webhook.Id.Should().Be(row.Id, "webhook-id is the outbox row id, stable across retries");
        webhook.ContentType.Should().StartWith("application/json");
        SignatureVerifies(webhook, app.Secret).Should().BeTrue($"webhook-signature '{webhook.Signature}' must be v1,base64(HMAC-SHA256(secret, id.timestamp.body))");
        SignatureVerifies(webhook with { Body = webhook.Body + " " }, app.Secret).Should().BeFalse("a changed body must not verify");

        using var payload = JsonDocument.Parse(webhook.Body);
        payload.RootElement.GetProperty("type").GetString().Should().Be("referral.created");
        var data = payload.RootElement.GetProperty("data");
        data.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["referralId", "trialId", "siteId", "siteName", "verdict", "contact", "link", "createdAt"],
            "the payload is thin: what a site needs to call back, no per-criterion answers or flags");
        data.GetProperty("referralId").GetString().Should().Be(referralId);
        data.GetProperty("trialId").GetString().Should().Be(WebhookSiteApp.TrialId);
        data.GetProperty("siteId").GetString().Should().Be(WebhookSiteApp.SiteId);
        data.GetProperty("verdict").GetString().Should().Be((string)verdict["verdict"]!);
        data.GetProperty("contact").GetProperty("name").GetString().Should().Be(PatientName);
        data.GetProperty("contact").GetProperty("email").GetString().Should().Be(PatientEmail);
        data.GetProperty("contact").GetProperty("phone").GetString().Should().Be("+8613800138000");
        data.GetProperty("link").GetString().Should().EndWith($"/referrals/{Uri.EscapeDataString(referralId)}");
        webhook.Body.Should().NotContainAny(["answers", "criterion", "flags", "lupus"]);
        (await session.FailuresAsync()).Should().BeEmpty();
    }

    private static List<string?> StepsAsked(WebChatSession session) =>
        [.. session.BotActivities.Where(PrescreenWalk.IsQuestion).Select(a => (string?)a["channelData"]!["prescreenStep"])];

    /// <summary>Waits until the referral's outbox rows are all delivered (or one is dead); returns them.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> DeliveredAsync(string referralId)
    {
        var store = app.Services.GetRequiredService<OutboxStore>();
        using var limit = new CancellationTokenSource(DeliveryLimit);
        while (true)
        {
            var rows = await store.ListForReferralAsync(referralId, limit.Token);
            if (rows.Count > 0 && rows.All(r => r.State != OutboxStates.Pending))
            {
                return rows;
            }

            await Task.Delay(100, limit.Token);
        }
    }

    /// <summary>Standard Webhooks: any of the space-separated <c>v1,</c> signatures equals base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
    private static bool SignatureVerifies(ReceivedWebhook webhook, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}"));
        return webhook.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(candidate => candidate.StartsWith("v1,", StringComparison.Ordinal))
            .Select(candidate => TryBase64(candidate["v1,".Length..]))
            .Any(signature => signature is not null && CryptographicOperations.FixedTimeEquals(signature, expected));
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
