namespace PrescreenBot.Channels.BotConnector;

/// <summary>The Bot Connector endpoint that Azure Bot Service channels (Teams…) and the Emulator post to.</summary>
public static class BotConnectorApi
{
    public const string MessagesPath = "/api/messages";

    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(MessagesPath, (HttpContext httpContext, BotConnectorRequestHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(httpContext, cancellationToken))
            .WithName("BotConnectorMessages")
            .DisableAntiforgery();
        return endpoints;
    }
}
