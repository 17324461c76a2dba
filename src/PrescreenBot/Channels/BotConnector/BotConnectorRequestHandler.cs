using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.BotConnector.Authentication;
using PrescreenBot.Channels.BotConnector.Connector;
using PrescreenBot.Limits;

namespace PrescreenBot.Channels.BotConnector;

/// <summary>
/// <c>POST /api/messages</c>, in order: authenticate the token (401), read the body within the cap (413), parse the
/// activity (400 with a problem document saying what is wrong), check the token against the activity — endorsement
/// and serviceurl (403), rate-limit the conversation (429 + Retry-After), run the turn, then answer as Bot Framework
/// does: <c>expectReplies</c> → 200 with <c>{"activities":[…]}</c>; otherwise the replies are POSTed to the
/// activity's serviceUrl and the response is the invoke response (invoke) or an empty 200.
/// </summary>
public sealed partial class BotConnectorRequestHandler(
    BotFrameworkAuthenticator authenticator,
    RequestBodyReader bodyReader,
    ConversationRateLimiter rateLimiter,
    ITurnProcessor turnProcessor,
    ConnectorClient connector,
    ILogger<BotConnectorRequestHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var caller = await authenticator.AuthenticateAsync(httpContext.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Results.Unauthorized();
        }

        if (await bodyReader.ReadAsync(httpContext.Request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return bodyReader.TooLarge();
        }

        Activity activity;
        try
        {
            activity = BotJson.ParseActivity(body);
        }
        catch (ActivityFormatException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity", detail: ex.Message);
        }

        if (!authenticator.IsAllowedFor(caller, activity))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (MissingField(activity) is { } missing)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Incomplete activity", detail: missing);
        }

        activity.CallerId = caller.CallerId;
        if (!rateLimiter.TryAcquire($"{activity.ChannelId}/{activity.Conversation!.Id}", out var retryAfter))
        {
            return ConversationRateLimiter.TooManyRequests(httpContext, retryAfter);
        }

        var result = await turnProcessor.ProcessAsync(activity, cancellationToken).ConfigureAwait(false);
        if (string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            return Results.Json(new ExpectedReplies(result.Replies), BotJson.Options);
        }

        await DeliverAsync(activity, result.Replies, cancellationToken).ConfigureAwait(false);
        return result.InvokeResponse is { } invoke
            ? invoke.Body is null ? Results.StatusCode(invoke.Status) : Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status)
            : Results.Ok();
    }

    /// <summary>
    /// Posts the replies in order. The turn's state is already saved, so a failure is logged and the request still
    /// succeeds: answering 5xx would make the channel redeliver the message and the answer would count twice.
    /// </summary>
    private async Task DeliverAsync(Activity inbound, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            try
            {
                await connector.SendAsync(reply, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectorException or ConnectorAuthenticationException)
            {
                LogDeliveryFailed(logger, inbound.ChannelId, inbound.Conversation?.Id, ex.GetType().Name, (ex as ConnectorException)?.StatusCode is { } status ? (int)status : 0);
                return;
            }
        }
    }

    private static string? MissingField(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return "The activity has no 'channelId'.";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "The activity has no 'conversation.id'.";
        }

        if (string.IsNullOrEmpty(activity.ServiceUrl) && !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            return "The activity has no 'serviceUrl' to send the replies to (or use deliveryMode 'expectReplies').";
        }

        if (!string.IsNullOrEmpty(activity.ServiceUrl) && !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return "The activity's 'serviceUrl' is not an absolute URL.";
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Replies for channel {ChannelId}, conversation {ConversationId} could not be delivered: {ExceptionType} (HTTP {StatusCode})")]
    private static partial void LogDeliveryFailed(ILogger logger, string? channelId, string? conversationId, string exceptionType, int statusCode);
}

/// <summary>The body of an <c>expectReplies</c> response.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
