using System.Globalization;
using System.Security.Cryptography;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// The whole service (temporary SQLite database, in-memory state) with one extra study site for the lupus trial, in
/// Wuhan next to the sample directory's Wuhan Union Hospital, whose only delivery is a signed webhook to a real receiver
/// on loopback. Everything comes in through configuration overrides, the way an operator would add a site.
/// </summary>
public sealed class WebhookSiteApp : LiveApp, IAsyncLifetime
{
    public const string TrialId = "NCT07339332";
    public const string SiteId = "loopback-test-site";
    public const string SiteName = "Loopback Test Site";
    public const string SiteCity = "Wuhan";

    /// <summary>Past the five sample sites, so the sample directory stays as it ships and this site is added to it.</summary>
    private const int SiteIndex = 90;

    /// <summary>The dispatcher is also woken by each new referral; a short idle poll only keeps the test from waiting on a miss.</summary>
    private static readonly TimeSpan DispatcherPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A Standard Webhooks secret (<c>whsec_</c> + base64 of 32 random bytes), fresh per run.</summary>
    public string Secret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var site = $"Sites:{SiteIndex}";
            return new Dictionary<string, string?>
            {
                [$"{site}:Id"] = SiteId,
                [$"{site}:Name"] = SiteName,
                [$"{site}:City"] = SiteCity,
                [$"{site}:Country"] = "China",
                [$"{site}:Trials:0"] = TrialId,
                [$"{site}:Contacts:0:Name"] = "Test study coordinator",
                [$"{site}:Delivery:Webhook:Url"] = Receiver.Url.ToString(),
                [$"{site}:Delivery:Webhook:Secret"] = Secret,
                ["Referrals:Delivery:PollInterval"] = DispatcherPollInterval.ToString("c", CultureInfo.InvariantCulture),
            };
        }
    }

    async Task IAsyncLifetime.InitializeAsync() => Receiver = await WebhookReceiver.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
