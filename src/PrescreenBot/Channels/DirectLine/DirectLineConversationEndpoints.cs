using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Tokens;
using PrescreenBot.Channels.DirectLine.Turns;
using PrescreenBot.Channels.DirectLine.Wire;

namespace PrescreenBot.Channels.DirectLine;

/// <summary><c>POST conversations</c> (start: 201, or 200 when the token's conversation already started) and <c>GET conversations/{id}</c> (reconnect).</summary>
internal static class DirectLineConversationEndpoints
{
    /// <summary>Locale tags are short (<c>zh-Hans-CN</c>); anything longer is ignored rather than passed to the bot.</summary>
    private const int MaxLocaleLength = 35;

    public static async Task<IResult> StartAsync(
        HttpContext context,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        IDirectLineConversationStore store,
        DirectLineTurnDispatcher dispatcher,
        DirectLineUrls urls,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<DirectLineTurnDispatcher> logger)
    {
        var authentication = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (authentication.Failure is not null)
        {
            return authentication.Failure;
        }

        var (parameters, failure) = await DirectLineTokenEndpoints.ReadParametersAsync(context.Request).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        IssuedDirectLineToken? issued = null;
        DirectLineTokenClaims claims;
        string token;
        if (authentication.Caller!.Token is { } tokenClaims)
        {
            (claims, token) = (tokenClaims, authentication.Caller.RawToken!);
        }
        else
        {
            var (userId, userFailure) = DirectLineTokenEndpoints.ChooseUserId(parameters);
            if (userFailure is not null)
            {
                return userFailure;
            }

            issued = tokens.Issue(userId!, DirectLineIds.NewConversationId());
            (claims, token) = (issued.Claims, issued.Token);
        }

        var conversation = new DirectLineConversation(claims.ConversationId, claims.UserId, time.GetUtcNow());
        bool created;
        try
        {
            created = await store.TryCreateAsync(conversation, context.RequestAborted).ConfigureAwait(false);
            if (!created)
            {
                var existing = await store.FindAsync(conversation.Id, context.RequestAborted).ConfigureAwait(false);
                if (existing is null || existing.UserId != conversation.UserId)
                {
                    return DirectLineResults.Forbidden();
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "start", conversation.Id);
            return DirectLineResults.Busy();
        }

        if (created)
        {
            DirectLineLog.ConversationStarted(logger, conversation.Id);
            var locale = parameters.Locale is { Length: > 0 and <= MaxLocaleLength } l ? l : null;
            var processor = context.RequestServices.GetService<ITurnProcessor>();
            // Awaited before answering, so the welcome is in the log ahead of anything the page sends on connect.
            await dispatcher.StartAsync(conversation, urls.ServiceUrl(context.Request), locale, processor, lifetime.ApplicationStopping).ConfigureAwait(false);
        }

        var body = new ConversationResponse(
            conversation.Id,
            token,
            SecondsLeft(claims, time),
            urls.StreamUrl(context.Request, conversation.Id, 0, token));
        return DirectLineResults.Json(body, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<IResult> ReconnectAsync(
        HttpContext context,
        string conversationId,
        IDirectLineConversationStore store,
        DirectLineTokenService tokens,
        DirectLineUrls urls,
        TimeProvider time,
        ILogger<DirectLineTurnDispatcher> logger)
    {
        var access = await DirectLineRequests.AdmitAsync(context, conversationId, store, logger).ConfigureAwait(false);
        if (access.Failure is not null)
        {
            return access.Failure;
        }

        if (!DirectLineActivityIds.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            return DirectLineResults.BadArgument("The watermark must be a number from a previous activity set.");
        }

        var (token, claims) = access.Caller!.Token is { } held
            ? (access.Caller.RawToken!, held)
            : ReissueFor(access.Conversation!, tokens);
        var body = new ConversationResponse(conversationId, token, SecondsLeft(claims, time), urls.StreamUrl(context.Request, conversationId, watermark, token));
        return DirectLineResults.Json(body);
    }

    private static (string Token, DirectLineTokenClaims Claims) ReissueFor(DirectLineConversation conversation, DirectLineTokenService tokens)
    {
        var issued = tokens.Issue(conversation.UserId, conversation.Id);
        return (issued.Token, issued.Claims);
    }

    private static int SecondsLeft(DirectLineTokenClaims claims, TimeProvider time) =>
        (int)Math.Max(0, Math.Round((claims.ExpiresAt - time.GetUtcNow()).TotalSeconds));
}
