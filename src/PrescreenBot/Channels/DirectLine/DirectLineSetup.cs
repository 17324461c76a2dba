using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrescreenBot.Redis;
using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Streaming;
using PrescreenBot.Channels.DirectLine.Tokens;
using PrescreenBot.Channels.DirectLine.Turns;

namespace PrescreenBot.Channels.DirectLine;

public static class DirectLineSetup
{
    public const string StorageProviderKey = "Storage:Provider";
    public const string RedisProvider = "Redis";

    /// <summary>
    /// Registers Direct Line: options from <c>DirectLine</c>, tokens, the turn dispatcher, the stream, and the conversation
    /// store (Redis when <c>Storage:Provider</c> is <c>Redis</c>, else in memory). The bot itself comes from the host's
    /// <see cref="ITurnProcessor"/> registration.
    /// </summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<DirectLineUrls>();
        services.AddSingleton<DirectLineTurnDispatcher>();
        services.AddSingleton<DirectLineStreamHandler>();
        services.AddSingleton<DirectLineRedisClient>();
        services.TryAddSingleton(ConversationStore);
        return builder;
    }

    /// <summary>Chosen when first needed, so settings applied after <see cref="AddDirectLine"/> (tests, environment) count.</summary>
    private static IDirectLineConversationStore ConversationStore(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = services.GetRequiredService<IOptions<DirectLineOptions>>();
        if (!string.Equals(configuration[StorageProviderKey], RedisProvider, StringComparison.OrdinalIgnoreCase))
        {
            return new InMemoryDirectLineConversationStore(options, services.GetRequiredService<TimeProvider>());
        }

        // The host's shared client when it registered one; otherwise our own from Redis:Configuration.
        var redis = services.GetService<RedisClient>() ?? services.GetRequiredService<DirectLineRedisClient>().Client;
        return new RedisDirectLineConversationStore(redis, options);
    }
}
