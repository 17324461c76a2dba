using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrescreenBot.Channels.BotConnector.Authentication;
using PrescreenBot.Channels.BotConnector.Connector;

namespace PrescreenBot.Channels.BotConnector;

/// <summary>Wires the Bot Connector channel: inbound authentication, the outbound Connector client and its token.</summary>
public static class BotConnectorRegistration
{
    /// <summary>A Connector call that takes longer than this has failed for the patient anyway.</summary>
    public static readonly TimeSpan ConnectorTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Fetching OpenID metadata or keys; long enough for a slow issuer, short enough not to pile up requests.</summary>
    public static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    public static WebApplicationBuilder AddBotConnector(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BotAuthenticationOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotFrameworkAuthenticator.HttpClientName, client => client.Timeout = MetadataTimeout);
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = ConnectorTimeout);
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton<IManagedIdentityEnvironment, ProcessManagedIdentityEnvironment>();
        services.AddSingleton<IConnectorTokenProvider>(CreateTokenProvider);
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<BotConnectorRequestHandler>();
        return builder;
    }

    private static IConnectorTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (!options.IsAuthenticationEnabled)
        {
            return new NoCredentialsTokenProvider();
        }

        return options.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI
            ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(services)
            : ActivatorUtilities.CreateInstance<ClientCredentialsTokenProvider>(services);
    }
}
