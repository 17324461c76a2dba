using Microsoft.Extensions.DependencyInjection.Extensions;
using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Streaming;
using PrescreenBot.Channels.DirectLine.Tokens;
using PrescreenBot.Channels.DirectLine.Turns;

namespace PrescreenBot.Channels.DirectLine;

public static class DirectLineSetup
{
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
        services.TryAddSingleton<IDirectLineConversationStore, InMemoryDirectLineConversationStore>();
        return builder;
    }
}
