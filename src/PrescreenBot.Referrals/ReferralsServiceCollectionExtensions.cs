using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Referrals.Delivery;
using PrescreenBot.Referrals.Delivery.Email;
using PrescreenBot.Referrals.Delivery.Teams;
using PrescreenBot.Referrals.Delivery.Webhook;
using PrescreenBot.Referrals.Diagnostics;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Retention;
using PrescreenBot.Referrals.Sites;
using PrescreenBot.Referrals.Storage;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Referrals;

public static class ReferralsServiceCollectionExtensions
{
    /// <summary>
    /// Site directory, durable store (migrated at start), referral service, transcripts, outbox dispatcher and
    /// retention purge. Register an <see cref="ITeamsChannelSender"/> to deliver to Teams; without one, Teams rows
    /// fail with <c>teams_sender_not_registered</c>.
    /// </summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<SiteDirectoryOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteDirectoryOptions>, SiteDirectoryValidator>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName));
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(options => options.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        services.AddOptions<ReferralsOptions>().Bind(configuration.GetSection(ReferralsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReferralsOptions>, ReferralsOptionsValidator>();
        services.AddOptions<TranscriptsOptions>().Bind(configuration.GetSection(TranscriptsOptions.SectionName));

        services.AddSingleton(provider => new ReferralDatabase(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DatabaseInitializer>();

        services.AddSingleton<ConfiguredSiteDirectory>();
        services.AddSingleton<ISiteDirectory>(provider => provider.GetRequiredService<ConfiguredSiteDirectory>());
        services.AddSingleton<ReferralStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<ITranscriptStore>(provider => provider.GetRequiredService<TranscriptStore>());
        services.TryAddSingleton<ITranscriptLogger, StoreTranscriptLogger>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ReferralMetrics>();
        services.AddSingleton<ReferralService>();
        services.AddSingleton<IReferralService>(provider => provider.GetRequiredService<ReferralService>());

        services.AddSingleton<IDeliveryChannel, SmtpEmailChannel>();
        services.AddSingleton<IDeliveryChannel>(provider => new WebhookChannel(CreateWebhookHttpClient(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITeamsChannelSender, UnconfiguredTeamsChannelSender>();
        services.AddSingleton<IDeliveryChannel, TeamsChannel>();
        services.AddSingleton(provider => new RetryPolicy(provider.GetRequiredService<IOptions<ReferralsOptions>>().Value.Delivery));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());

        services.AddSingleton<RetentionPurge>();
        services.AddHostedService<RetentionPurgeService>();
        return services;
    }

    private static HttpClient CreateWebhookHttpClient() => new(new SocketsHttpHandler
    {
        // Site DNS can move; do not pin a connection forever.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    })
    {
        // The dispatcher's per-attempt timeout (TimeProvider-driven) governs; this is only a backstop.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
