using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Delivery.Teams;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Retention;
using PrescreenBot.Referrals.Storage;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>
/// One "process" of the referral feature, wired exactly as the host wires it (<c>AddReferrals</c> over
/// configuration). Two apps on the same database are two processes; disposing one without dispatching is a crash.
/// </summary>
internal sealed class ReferralsApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ReferralsApp(ServiceProvider services) => _services = services;

    public ReferralService Referrals => _services.GetRequiredService<ReferralService>();
    public ReferralStore Store => _services.GetRequiredService<ReferralStore>();
    public OutboxStore Outbox => _services.GetRequiredService<OutboxStore>();
    public OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();
    public TranscriptStore Transcripts => _services.GetRequiredService<TranscriptStore>();
    public RetentionPurge Purge => _services.GetRequiredService<RetentionPurge>();
    public ReferralDatabase Database => _services.GetRequiredService<ReferralDatabase>();
    public IServiceProvider Services => _services;

    public static async Task<ReferralsApp> StartAsync(
        TestDatabase database,
        IReadOnlyList<TestSite> sites,
        TimeProvider timeProvider,
        int smtpPort = 25,
        ITeamsChannelSender? teams = null,
        IEnumerable<KeyValuePair<string, string?>>? extraSettings = null,
        bool startHostedServices = false)
    {
        var settings = new List<KeyValuePair<string, string?>>
        {
            new("Database:Provider", database.Provider.ToString()),
            new("ConnectionStrings:Prescreen", database.ConnectionString),
            new("Smtp:Host", "127.0.0.1"),
            new("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Smtp:From", "prescreen@bot.example"),
            new("Referrals:PublicBaseUrl", "https://portal.example"),
            new("Referrals:Delivery:MaxAttempts", "4"),
            new("Referrals:Delivery:BaseDelay", "00:00:10"),
            new("Referrals:Delivery:MaxDelay", "00:01:00"),
            new("Referrals:Delivery:Lease", "00:02:00"),
        };
        settings.AddRange(sites.SelectMany((site, index) => site.ToConfiguration(index)));
        settings.AddRange(extraSettings ?? []);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddNullLogging();
        services.AddSingleton(timeProvider);
        if (teams is not null)
        {
            services.AddSingleton(teams);
        }

        services.AddReferrals(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var app = new ReferralsApp(provider);
        if (startHostedServices)
        {
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }
        }
        else
        {
            await app.Database.MigrateAsync();
        }

        return app;
    }

    /// <summary>Runs dispatcher rounds until one finds nothing due; returns how many rows were attempted.</summary>
    public async Task<int> DrainAsync()
    {
        var total = 0;
        int attempted;
        while ((attempted = await Dispatcher.DispatchDueAsync()) > 0)
        {
            total += attempted;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
