using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Turns;
using PrescreenBot.Channels.DirectLine.Wire;
using PrescreenBot.Limits;

namespace PrescreenBot.Channels.DirectLine;

/// <summary>
/// Posting and polling activities, and the refused upload. Neither posting nor polling ever answers 5xx: DirectLineJS
/// stops polling for good on a 5xx, so internal trouble becomes an empty page, a 429 or a polite bot message.
/// </summary>
internal static class DirectLineActivityEndpoints
{
    /// <summary>What clients may send; members and installs are the channel's business, not the client's.</summary>
    private static readonly HashSet<string> ClientActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Event,
        ActivityTypes.Typing,
        ActivityTypes.Invoke,
        ActivityTypes.EndOfConversation,
        ActivityTypes.MessageReaction,
    };

    public static async Task<IResult> PostAsync(
        HttpContext context,
        string conversationId,
        IDirectLineConversationStore store,
        DirectLineTurnDispatcher dispatcher,
        DirectLineUrls urls,
        RequestBodyReader bodyReader,
        IHostApplicationLifetime lifetime,
        ILogger<DirectLineTurnDispatcher> logger)
    {
        var access = await DirectLineRequests.AdmitAsync(context, conversationId, store, logger).ConfigureAwait(false);
        if (access.Failure is not null)
        {
            return access.Failure;
        }

        // The body cap every channel shares (Limits:MaxRequestBodyBytes, 256 KB), answered in Direct Line's error shape.
        var body = await bodyReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return DirectLineResults.TooLarge(bodyReader.MaxBytes);
        }

        Activity activity;
        Activity echo;
        try
        {
            activity = BotJson.ParseActivity(body);

            // The echo the client sees and the activity the bot may change are two parses of the same body.
            echo = BotJson.ParseActivity(body);
        }
        catch (ActivityFormatException ex)
        {
            return DirectLineResults.BadArgument(ex.Message);
        }

        if (!ClientActivityTypes.Contains(activity.Type!))
        {
            return DirectLineResults.BadArgument($"Clients may post message, event, typing, invoke, messageReaction and endOfConversation activities, not '{Truncate(activity.Type!)}'.");
        }

        try
        {
            var processor = context.RequestServices.GetService<ITurnProcessor>();
            var id = await dispatcher.PostAsync(access.Conversation!, activity, echo, urls.ServiceUrl(context.Request), processor, lifetime.ApplicationStopping).ConfigureAwait(false);
            return DirectLineResults.Json(new ResourceResponse(id));
        }
        catch (DirectLineConversationNotFoundException)
        {
            return DirectLineResults.ConversationNotFound();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "post", conversationId);
            return DirectLineResults.Busy();
        }
    }

    public static async Task<IResult> PollAsync(HttpContext context, string conversationId, IDirectLineConversationStore store, ILogger<DirectLineTurnDispatcher> logger)
    {
        if (!DirectLineActivityIds.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            return DirectLineResults.BadArgument("The watermark must be a number from a previous activity set.");
        }

        try
        {
            var access = await DirectLineRequests.AdmitAsync(context, conversationId, store, logger).ConfigureAwait(false);
            if (access.Failure is not null)
            {
                // Busy here would stop DirectLineJS polling as surely as a 5xx: answer "nothing new" instead.
                return access.StoreUnavailable ? EmptyPage(watermark) : access.Failure;
            }

            var page = await store.ReadAsync(conversationId, watermark, context.RequestAborted).ConfigureAwait(false);
            return page is null
                ? DirectLineResults.ConversationNotFound()
                : DirectLineResults.Json(new ActivitySetResponse(page.Activities.Select(a => a.Activity).ToList(), DirectLineActivityIds.FormatWatermark(page.Watermark)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "poll", conversationId);
            return EmptyPage(watermark);
        }
    }

    public static async Task<IResult> UploadAsync(
        HttpContext context,
        string conversationId,
        IDirectLineConversationStore store,
        DirectLineTurnDispatcher dispatcher,
        DirectLineUrls urls,
        ILogger<DirectLineTurnDispatcher> logger)
    {
        var access = await DirectLineRequests.AdmitAsync(context, conversationId, store, logger).ConfigureAwait(false);
        if (access.Failure is not null)
        {
            return access.Failure;
        }

        DirectLineLog.UploadRefused(logger, conversationId);
        var locale = context.Request.Headers.AcceptLanguage.ToString();
        try
        {
            await dispatcher.SayAsync(access.Conversation!, DirectLineNotices.UploadRefused(locale), null, urls.ServiceUrl(context.Request), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "upload", conversationId);
        }

        return DirectLineResults.Error(
            StatusCodes.Status400BadRequest,
            DirectLineErrorCodes.UploadNotSupported,
            "This service does not accept files or attachments. Please answer in text.");
    }

    public static IResult SessionId() => DirectLineResults.Json(new SessionIdResponse(Guid.NewGuid().ToString("N")));

    private static IResult EmptyPage(long watermark) =>
        DirectLineResults.Json(new ActivitySetResponse([], DirectLineActivityIds.FormatWatermark(watermark)));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40];
}
