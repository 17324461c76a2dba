using Microsoft.Extensions.Options;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.DirectLine.Store;
using BotChannels = PrescreenBot.Bot.Schema.Channels;

namespace PrescreenBot.Channels.DirectLine.Turns;

/// <summary>
/// The Direct Line half of a turn: stamps the patient's activity with the channel's addressing, echoes it into the
/// conversation (Web Chat waits for that echo, matched by <c>channelData.clientActivityID</c>), hands it to the
/// <see cref="ITurnProcessor"/> and publishes the replies with <c>replyToId</c> = the echoed id. A failing bot becomes a
/// polite message, never a server error.
/// </summary>
public sealed class DirectLineTurnDispatcher(
    IDirectLineConversationStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineTurnDispatcher> logger)
{
    private readonly DirectLineOptions _options = options.Value;

    public ChannelAccount BotAccount => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <summary>
    /// Tells the bot the user joined (a <c>conversationUpdate</c>, not shown to the client, as Azure Bot Service does), so
    /// the welcome appears before the patient types anything.
    /// </summary>
    public async Task StartAsync(DirectLineConversation conversation, string serviceUrl, string? locale, ITurnProcessor? processor, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = BotChannels.Directline,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversation.Id),
            From = UserAccount(conversation, null),
            Recipient = BotAccount,
            MembersAdded = [BotAccount, UserAccount(conversation, null)],
            Locale = locale,
            Timestamp = time.GetUtcNow(),
        };
        await RunTurnAsync(conversation, update, echoId: null, serviceUrl, processor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Echoes and processes one client activity; returns the id Direct Line answers with. Typing is acknowledged without
    /// being stored or shown to the bot. Throws <see cref="DirectLineConversationNotFoundException"/> and storage failures
    /// of the echo (nothing was accepted then); later failures are told to the patient instead.
    /// </summary>
    /// <remarks>
    /// <paramref name="echo"/> is an independent copy of <paramref name="inbound"/> (the same body parsed twice, cheaper
    /// than serializing and parsing a copy): the bot gets its own activity, so whatever it changes on it must not change
    /// what the client sees.
    /// </remarks>
    public async Task<string> PostAsync(
        DirectLineConversation conversation, Activity inbound, Activity echo, string serviceUrl, ITurnProcessor? processor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(echo);
        var received = time.GetUtcNow();
        Stamp(conversation, inbound, serviceUrl, received);
        if (inbound.IsType(ActivityTypes.Typing))
        {
            return DirectLineActivityIds.For(conversation.Id, 0);
        }

        Stamp(conversation, echo, serviceUrl, received);

        // The echo is held back from streams only while the turn runs without waiting on anything (in-memory state): its
        // replies then carry it in the same frame, one WebSocket send and read less a turn. A turn that waits (I/O) gets
        // its echo told at once, so a slow turn never delays it.
        var stored = await store.AppendHeldAsync(conversation.Id, [echo], cancellationToken).ConfigureAwait(false);
        inbound.Id = stored[0].Activity.Id;
        try
        {
            var turn = RunTurnAsync(conversation, inbound, inbound.Id, serviceUrl, processor, cancellationToken);
            if (!turn.IsCompleted)
            {
                await store.ReleaseHeldAsync(conversation.Id).ConfigureAwait(false);
            }

            await turn.ConfigureAwait(false);
        }
        finally
        {
            // No replies, or they could not be stored: the echo is told on its own.
            await store.ReleaseHeldAsync(conversation.Id).ConfigureAwait(false);
        }

        return inbound.Id!;
    }

    /// <summary>Posts a message from the channel itself (as the bot) into the conversation.</summary>
    public async Task SayAsync(DirectLineConversation conversation, string text, string? replyToId, string serviceUrl, CancellationToken cancellationToken)
    {
        var notice = new Activity { Type = ActivityTypes.Message, Text = text, InputHint = InputHints.AcceptingInput, ReplyToId = replyToId };
        await store.AppendAsync(conversation.Id, [Outbound(conversation, notice, replyToId, serviceUrl, time.GetUtcNow())], cancellationToken).ConfigureAwait(false);
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity inbound, string? echoId, string serviceUrl, ITurnProcessor? processor, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies;
        var started = time.GetTimestamp();
        try
        {
            if (processor is null)
            {
                DirectLineLog.NoTurnProcessor(logger, conversation.Id);
                replies = [Notice(DirectLineNotices.BotUnavailable(inbound.Locale))];
            }
            else
            {
                replies = (await processor.ProcessAsync(inbound, cancellationToken).ConfigureAwait(false)).Replies;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var errorId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            DirectLineLog.TurnFailed(logger, ex, conversation.Id, inbound.Type, errorId);
            replies = [Notice(DirectLineNotices.TurnFailed(inbound.Locale))];
        }

        // Each reply gets its own millisecond after the echo: Web Chat orders by timestamp.
        var clock = time.GetUtcNow();
        var outbound = new List<Activity>(replies.Count);
        foreach (var reply in replies)
        {
            if (reply.IsType(ActivityTypes.Trace) || reply.IsType(ActivityTypes.Typing))
            {
                // Trace is for the Emulator only; typing would only replay stale indicators: replies arrive at once.
                continue;
            }

            var stamp = clock.AddMilliseconds(outbound.Count + 1);
            outbound.Add(Outbound(conversation, reply, echoId, serviceUrl, stamp));
        }

        if (outbound.Count == 0)
        {
            return;
        }

        try
        {
            await store.AppendAsync(conversation.Id, outbound, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The turn's state is saved; the patient sees no reply and can repeat the answer (the bot re-asks).
            DirectLineLog.RepliesLost(logger, ex, conversation.Id, outbound.Count);
        }

        DirectLineLog.TurnDone(logger, conversation.Id, inbound.Type, outbound.Count, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private Activity Outbound(DirectLineConversation conversation, Activity reply, string? echoId, string serviceUrl, DateTimeOffset timestamp)
    {
        var from = reply.From;
        reply.Id = null;
        reply.From = new ChannelAccount(
            string.IsNullOrEmpty(from?.Id) ? _options.BotId : from.Id,
            string.IsNullOrEmpty(from?.Name) ? _options.BotName : from.Name,
            RoleTypes.Bot);
        reply.Recipient = UserAccount(conversation, null);
        reply.Conversation = new ConversationAccount(conversation.Id);
        reply.ChannelId = BotChannels.Directline;
        reply.ServiceUrl = serviceUrl;
        reply.Timestamp = timestamp;
        // A reply to something the client never saw (the conversationUpdate) would be held back 5 s by Web Chat.
        reply.ReplyToId = echoId;
        return reply;
    }

    private void Stamp(DirectLineConversation conversation, Activity inbound, string serviceUrl, DateTimeOffset received)
    {
        inbound.Id = null;
        inbound.From = UserAccount(conversation, inbound.From?.Name);
        inbound.Recipient = BotAccount;
        inbound.Conversation = new ConversationAccount(conversation.Id);
        inbound.ChannelId = BotChannels.Directline;
        inbound.ServiceUrl = serviceUrl;
        inbound.Timestamp = received;
    }

    private static ChannelAccount UserAccount(DirectLineConversation conversation, string? name) => new(conversation.UserId, name, RoleTypes.User);

    private static Activity Notice(string text) => new() { Type = ActivityTypes.Message, Text = text, InputHint = InputHints.AcceptingInput };
}
