using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.DirectLine.Store;
using PrescreenBot.Channels.DirectLine.Tokens;
using PrescreenBot.Channels.DirectLine.Wire;

namespace PrescreenBot.Channels.DirectLine.Streaming;

/// <summary>
/// The WebSocket at <c>streamUrl</c>: replays everything after the watermark in the URL, then pushes every new activity
/// as an ActivitySet frame. DirectLineJS never polls in this mode, so nothing may fall between the replay and the live
/// feed: the subscription is taken before the replay is read, and overlaps are dropped by watermark.
/// Client frames are only pings (empty strings) and are ignored.
/// </summary>
public sealed class DirectLineStreamHandler(
    IDirectLineConversationStore store,
    DirectLineAuthenticator authenticator,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreamHandler> logger)
{
    /// <summary>A client this far behind is disconnected; it reconnects with its watermark and catches up from the log.</summary>
    private const int MaxQueuedPages = 256;

    private const int ReceiveBufferBytes = 4096;

    public async Task HandleAsync(HttpContext context)
    {
        var conversationId = context.Request.RouteValues["conversationId"] as string ?? string.Empty;
        var (conversation, afterWatermark, failure) = await AdmitAsync(context, conversationId).ConfigureAwait(false);
        if (failure is not null)
        {
            await failure.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var queue = Channel.CreateBounded<ActivityPage>(new BoundedChannelOptions(MaxQueuedPages) { SingleReader = true });
        IAsyncDisposable subscription;
        ActivityPage? backlog;
        try
        {
            subscription = await store.SubscribeAsync(conversation!.Id, page =>
            {
                if (!queue.Writer.TryWrite(page))
                {
                    queue.Writer.TryComplete();
                }
            }, context.RequestAborted).ConfigureAwait(false);
            backlog = await store.ReadAsync(conversation.Id, afterWatermark, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "stream", conversationId);
            await DirectLineResults.Busy().ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await using (subscription.ConfigureAwait(false))
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            DirectLineLog.StreamOpened(logger, conversation.Id, afterWatermark);
            var reason = await PumpAsync(socket, conversation.Id, afterWatermark, backlog, queue.Reader, context.RequestAborted).ConfigureAwait(false);
            DirectLineLog.StreamClosed(logger, conversation.Id, reason);
        }
    }

    private async Task<(DirectLineConversation? Conversation, long Watermark, IResult? Failure)> AdmitAsync(HttpContext context, string conversationId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return (null, 0, DirectLineResults.BadArgument("This is the Direct Line stream; open it with a WebSocket."));
        }

        var authentication = await authenticator.AuthenticateAsync(context, allowQueryToken: true).ConfigureAwait(false);
        if (authentication.Failure is not null)
        {
            return (null, 0, authentication.Failure);
        }

        if (!authentication.Caller!.MayAccess(conversationId))
        {
            return (null, 0, DirectLineResults.Forbidden());
        }

        if (!DirectLineActivityIds.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            return (null, 0, DirectLineResults.BadArgument("The watermark must be a number from a previous activity set."));
        }

        DirectLineConversation? conversation;
        try
        {
            conversation = await store.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DirectLineLog.StoreUnavailable(logger, ex, "stream", conversationId);
            return (null, 0, DirectLineResults.Busy());
        }

        if (conversation is null || (authentication.Caller.Token is { } token && token.UserId != conversation.UserId))
        {
            return (null, 0, DirectLineResults.ConversationNotFound());
        }

        return (conversation, watermark, null);
    }

    private async Task<string> PumpAsync(
        WebSocket socket, string conversationId, long sent, ActivityPage? backlog, ChannelReader<ActivityPage> pages, CancellationToken aborted)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        var receiving = DrainClientFramesAsync(socket, closing);
        var reason = "client closed";
        var status = WebSocketCloseStatus.NormalClosure;
        try
        {
            using var frames = new ActivitySetFrames();
            if (backlog is { Activities.Count: > 0 })
            {
                sent = await frames.SendAsync(socket, backlog.Activities, closing.Token).ConfigureAwait(false);
            }

            var batch = new List<StoredActivity>();
            while (await pages.WaitToReadAsync(closing.Token).ConfigureAwait(false))
            {
                // Everything queued goes out as one frame (a turn's echo and its replies often wait together under load):
                // one send and one client read instead of one per append, in the same order.
                if (!TakeQueued(pages, sent, batch))
                {
                    // A gap, or the store's "you may have missed something" (an empty page): the log is the authority.
                    batch.Clear();
                    batch.AddRange((await store.ReadAsync(conversationId, sent, closing.Token).ConfigureAwait(false))?.Activities ?? []);
                }

                if (batch.Count > 0)
                {
                    sent = await frames.SendAsync(socket, batch, closing.Token).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            reason = "client too slow";
            status = WebSocketCloseStatus.PolicyViolation;
        }
        catch (OperationCanceledException)
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                reason = "server stopping";
                status = WebSocketCloseStatus.EndpointUnavailable;
            }
        }
        catch (WebSocketException)
        {
            reason = "connection lost";
        }
        catch (Exception ex)
        {
            DirectLineLog.StreamFailed(logger, ex, conversationId);
            reason = "store failed";
            status = WebSocketCloseStatus.InternalServerError;
        }

        await CloseQuietlyAsync(socket, status).ConfigureAwait(false);
        await closing.CancelAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(false);
        return reason;
    }

    /// <summary>
    /// Moves the queued activities after <paramref name="sent"/> into <paramref name="batch"/>, oldest first, dropping
    /// overlaps with what was sent. False when something is missing (a gap in the watermarks, or an empty page).
    /// </summary>
    private static bool TakeQueued(ChannelReader<ActivityPage> pages, long sent, List<StoredActivity> batch)
    {
        var last = sent;
        while (pages.TryRead(out var page))
        {
            if (page.Activities.Count == 0)
            {
                return false;
            }

            foreach (var stored in page.Activities)
            {
                if (stored.Watermark <= last)
                {
                    continue;
                }

                if (stored.Watermark != last + 1)
                {
                    return false;
                }

                batch.Add(stored);
                last = stored.Watermark;
            }
        }

        return true;
    }

    /// <summary>Reads and discards client frames (empty-string pings) until the client closes, then stops the pump.</summary>
    private static async Task DrainClientFramesAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[ReceiveBufferBytes];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closing.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing either way.
        }

        await closing.CancelAsync().ConfigureAwait(false);
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The peer is gone already.
        }
    }
}
