using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.IntegrationTests.Portal;

/// <summary>
/// The whole host through WebApplicationFactory, its referral database a fresh SQLite file, signing coordinators in
/// against a <see cref="LocalAzureAdIssuer"/>. Two test sites for the lupus trial: A (a webhook nobody answers, so its
/// deliveries dead-letter after the one attempt allowed here) and B (e-mail). Coordinator A is mapped by object id,
/// coordinator B by e-mail address.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    public const string TrialId = "NCT07339332";
    public const string SiteA = "portal-site-a";
    public const string SiteAName = "Portal Test Hospital A";
    public const string SiteB = "portal-site-b";
    public const string SiteBName = "Portal Test Hospital B";
    public const string CoordinatorA = "11111111-aaaa-4aaa-8aaa-00000000000a";
    public const string CoordinatorBEmail = "coordinator.b@site-b.example";

    /// <summary>Past the sample directory's sites, so it stays as it ships and these are added to it.</summary>
    private const int FirstSiteIndex = 90;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("prescreenbot-portal-").FullName;
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;
    private readonly TimeProvider? _timeProvider;

    /// <param name="issuer">The tenant to sign in against; null leaves the portal unconfigured.</param>
    /// <param name="extraSettings">Settings on top of (or replacing) the ones this app makes.</param>
    /// <param name="timeProvider">The host's clock, when a test moves time by hand.</param>
    public PortalApp(LocalAzureAdIssuer? issuer, IReadOnlyDictionary<string, string?>? extraSettings = null, TimeProvider? timeProvider = null)
    {
        Issuer = issuer;
        _extraSettings = extraSettings ?? new Dictionary<string, string?>();
        _timeProvider = timeProvider;
    }

    public LocalAzureAdIssuer? Issuer { get; }

    public CapturedLogs Logs { get; } = new();

    public ReferralService Referrals => Services.GetRequiredService<ReferralService>();

    public OutboxStore Outbox => Services.GetRequiredService<OutboxStore>();

    public ITranscriptStore Transcripts => Services.GetRequiredService<ITranscriptStore>();

    /// <summary>A browser for this app: cookies kept, redirects not followed (the tests look at each one).</summary>
    public PortalBrowser CreateBrowser(Uri? baseAddress = null) => new(
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? new Uri("http://localhost") }),
        Issuer ?? throw new InvalidOperationException("This app has no issuer: the portal is not configured."));

    /// <summary>A referral made the way the conversation makes one, through the real <see cref="ReferralService"/>.</summary>
    public async Task<ReferralReceipt> CreateReferralAsync(string siteId, string? conversationId = null, string contactName = "Ana Patient Test") =>
        await Referrals.CreateAsync(new ReferralRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            TrialId = TrialId,
            SiteId = siteId,
            Verdict = ReferralVerdicts.LikelyEligible,
            Contact = new PatientContact { Name = contactName, Phone = "+34 600 000 000", Email = "ana.patient@patient.example", BestTime = "afternoons" },
            Answers = [new CriterionAnswer("inc-1", "Diagnosis of systemic lupus erythematosus", "Have you been diagnosed with lupus?", "Yes, in 2019", "met")],
            Flags = ["needs-lab-check"],
            Consent = new ConsentRecord("consent-v1", DateTimeOffset.UtcNow.AddMinutes(-20), DateTimeOffset.UtcNow.AddMinutes(-1)),
            ChannelId = "webchat",
            ConversationId = conversationId ?? "conv-" + Guid.NewGuid().ToString("N"),
            Locale = "en-US",
        });

    /// <summary>Records activities of one conversation in order, as the transcript middleware would.</summary>
    public Task RecordTranscriptAsync(string conversationId, params (TranscriptDirection Direction, Activity Activity)[] activities) =>
        Transcripts.AppendBatchAsync(activities.Select((item, index) => new TranscriptEntry
        {
            ChannelId = "webchat",
            ConversationId = conversationId,
            ActivityId = $"a-{index}",
            Direction = item.Direction,
            ActivityType = item.Activity.Type ?? ActivityTypes.Message,
            Timestamp = DateTimeOffset.UtcNow.AddSeconds(index),
            ActivityJson = Encoding.UTF8.GetString(BotJson.SerializeActivity(item.Activity)),
        }).ToList());

    /// <summary>Waits (bounded) until the host's dispatcher has dead-lettered every delivery of the referral.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> WaitForDeadLetterAsync(string referralId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await Outbox.ListForReferralAsync(referralId);
            if (rows.Count > 0 && rows.All(row => row.State == OutboxStates.Dead))
            {
                return rows;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Referral {referralId}'s deliveries were not dead-lettered within 30 s: {string.Join(", ", rows.Select(row => row.State))}");
            }

            await Task.Delay(50);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("ConnectionStrings:Prescreen", $"Data Source={Path.Combine(_dataDirectory, "prescreen.db")}");
        foreach (var (key, value) in Settings().Concat(_extraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_timeProvider is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_timeProvider));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle may linger a moment after shutdown; the OS temp cleaner takes the rest.
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var siteA = $"Sites:{FirstSiteIndex}";
        var siteB = $"Sites:{FirstSiteIndex + 1}";
        var settings = new Dictionary<string, string?>
        {
            [$"{siteA}:Id"] = SiteA,
            [$"{siteA}:Name"] = SiteAName,
            [$"{siteA}:City"] = "Wuhan",
            [$"{siteA}:Country"] = "China",
            [$"{siteA}:Trials:0"] = TrialId,
            [$"{siteA}:Contacts:0:Name"] = "Coordinator A",
            // Port 9 (discard) on loopback: nothing listens, every attempt fails at once.
            [$"{siteA}:Delivery:Webhook:Url"] = "http://127.0.0.1:9/referrals",
            [$"{siteA}:Delivery:Webhook:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwAAAAAAAAAAA=",
            [$"{siteB}:Id"] = SiteB,
            [$"{siteB}:Name"] = SiteBName,
            [$"{siteB}:City"] = "Wuhan",
            [$"{siteB}:Country"] = "China",
            [$"{siteB}:Trials:0"] = TrialId,
            [$"{siteB}:Contacts:0:Name"] = "Coordinator B",
            [$"{siteB}:Delivery:Email:0"] = "site-b@site-b.example",
            ["Referrals:Delivery:MaxAttempts"] = "1",
        };
        if (Issuer is not null)
        {
            settings["Portal:Authority"] = LocalAzureAdIssuer.Issuer;
            settings["Portal:MetadataAddress"] = Issuer.MetadataUrl.ToString();
            settings["Portal:ClientId"] = LocalAzureAdIssuer.ClientId;
            settings["Portal:ClientSecret"] = LocalAzureAdIssuer.ClientSecret;
            settings["Portal:Coordinators:0:User"] = CoordinatorA;
            settings["Portal:Coordinators:0:Sites:0"] = SiteA;
            settings["Portal:Coordinators:1:User"] = CoordinatorBEmail;
            settings["Portal:Coordinators:1:Sites:0"] = SiteB;
        }

        return settings;
    }
}

/// <summary>One portal app against one local tenant, shared by a test class.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public LocalAzureAdIssuer Issuer { get; private set; } = null!;

    public PortalApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await LocalAzureAdIssuer.StartAsync();
        App = new PortalApp(Issuer);
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
