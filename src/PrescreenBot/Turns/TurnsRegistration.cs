using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Channels;
using PrescreenBot.Channels.Teams;

namespace PrescreenBot.Turns;

/// <summary>
/// Wires <see cref="ITurnProcessor"/> — the one door every channel uses — with its adapter and middleware (Teams
/// dialect first, so a stripped @mention does not count towards the length limit; then the message length limit) and
/// the turn error handler (localized apology, conversation state reset). The bot itself (<see cref="IBot"/>) is
/// registered by the conversation's wiring.
/// </summary>
public static class TurnsRegistration
{
    public static WebApplicationBuilder AddTurnProcessing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TeamsMiddleware>();
        services.AddSingleton<MessageTextLimitMiddleware>();
        services.AddSingleton(provider =>
        {
            var adapter = new BufferingBotAdapter();
            adapter.Use(provider.GetRequiredService<TeamsMiddleware>());
            adapter.Use(provider.GetRequiredService<MessageTextLimitMiddleware>());
            return adapter;
        });
        services.AddSingleton(provider => new TurnErrorHandler(
            provider.GetRequiredService<ILogger<TurnErrorHandler>>(),
            provider.GetRequiredService<ConversationState>(),
            (turnContext, errorId) => HostReplies.Apology(turnContext.Activity.Locale, errorId)));
        services.AddSingleton<TranscriptQueue>();
        services.AddSingleton<TurnTranscript>();
        services.AddHostedService<TranscriptWriter>();
        services.AddSingleton<ITurnProcessor, TurnProcessor>();
        return builder;
    }
}
