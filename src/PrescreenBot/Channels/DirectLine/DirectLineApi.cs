using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.Options;
using PrescreenBot.Channels.DirectLine.Streaming;
using PrescreenBot.Limits;

namespace PrescreenBot.Channels.DirectLine;

/// <summary>Direct Line 3.0 at <c>/v3/directline</c>, as botframework-directlinejs 0.15 and Web Chat 4.18 use it.</summary>
public static class DirectLineApi
{
    /// <summary>Protocol-level pings keep idle streams alive through proxies; DirectLineJS adds its own empty-string pings.</summary>
    private static readonly TimeSpan WebSocketKeepAlive = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(DirectLineUrls.BasePath)
            .AddEndpointFilter(DirectLineCors.StampResponseAsync)
            .WithTags("DirectLine");

        group.MapPost("tokens/generate", DirectLineTokenEndpoints.GenerateAsync);
        group.MapPost("tokens/refresh", DirectLineTokenEndpoints.RefreshAsync);
        group.MapPost("conversations", DirectLineConversationEndpoints.StartAsync);
        group.MapGet("conversations/{conversationId}", DirectLineConversationEndpoints.ReconnectAsync);
        // The per-conversation rate limit shared with the other channels (429 with Retry-After, which DirectLineJS honours).
        group.MapPost("conversations/{conversationId}/activities", DirectLineActivityEndpoints.PostAsync)
            .WithConversationRateLimit(context => context.Request.RouteValues["conversationId"] is string id ? $"directline/{id}" : null);
        group.MapGet("conversations/{conversationId}/activities", DirectLineActivityEndpoints.PollAsync);
        group.MapPost("conversations/{conversationId}/upload", DirectLineActivityEndpoints.UploadAsync);
        group.MapGet("session/getsessionid", DirectLineActivityEndpoints.SessionId);

        // The WebSocket middleware is composed into this one endpoint, so the host pipeline needs nothing extra.
        var webSockets = new WebSocketMiddleware(
            context => context.RequestServices.GetRequiredService<DirectLineStreamHandler>().HandleAsync(context),
            Options.Create(new WebSocketOptions { KeepAliveInterval = WebSocketKeepAlive }),
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>());
        group.MapGet("conversations/{conversationId}/stream", webSockets.Invoke);

        // No method metadata, lowest precedence: catches CORS preflights (which method-bound endpoints refuse) and strays.
        group.Map("{**path}", DirectLineCors.AnswerPreflightOrNotFoundAsync);
        return endpoints;
    }
}
