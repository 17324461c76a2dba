using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Channels;

namespace PrescreenBot.Turns;

/// <summary>
/// Runs one inbound activity as a turn, the same way for every channel:
/// <list type="number">
/// <item>one turn at a time per conversation in this instance (<see cref="ConversationLocks"/>);</item>
/// <item>the bot runs on freshly loaded state with every reply held back (<see cref="BufferingBotAdapter"/>);</item>
/// <item>state is saved with its ETag; if another instance saved first (<see cref="EtagException"/>) the turn runs
/// again from the newer state — the held replies are discarded, so the patient sees only the answer that counts;</item>
/// <item>only then are the replies released, and the transcript (every activity in and out) recorded, unless the bot
/// kept the turn out of it (<see cref="TranscriptExclusion"/>); the next turn of the conversation starts once that record is written.</item>
/// </list>
/// An unavailable state store gets a polite "try again in a moment" (state untouched); any other error goes to the
/// turn error handler (apology with an error id, conversation state reset).
/// </summary>
public sealed partial class TurnProcessor(
    BufferingBotAdapter adapter,
    IBot bot,
    ConversationState conversationState,
    UserState userState,
    ConversationLocks locks,
    TurnErrorHandler errorHandler,
    TurnTranscript transcript,
    ILogger<TurnProcessor> logger) : ITurnProcessor
{
    /// <summary>
    /// Both states, saved in one storage write. Not preloaded here: the bot loads what it uses (the pre-screen bot loads
    /// both in one read), and an activity without a user id must not fail just for lacking a user-state key. A state the
    /// bot saved itself as its last act (the pre-screen bot does) is not checked again: that check serialized the whole
    /// state a second time every turn only to find it unchanged.
    /// </summary>
    private readonly BotStateSet states = new(conversationState, userState);

    /// <summary>
    /// Tries of one turn on ETag conflicts. A conflict means another instance just finished a turn of the same
    /// conversation; three tries cover a burst of double-clicks without letting a pathological race loop forever.
    /// </summary>
    public const int MaxAttempts = 3;

    /// <summary>Bot Builder answers an invoke nobody handled with 501.</summary>
    private const int StatusNotImplemented = 501;

    public async Task<TurnResult> ProcessAsync(Activity inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (string.IsNullOrEmpty(inbound.Type) || string.IsNullOrEmpty(inbound.ChannelId) || string.IsNullOrEmpty(inbound.Conversation?.Id))
        {
            throw new ArgumentException("A turn needs an activity with type, channelId and conversation.id.", nameof(inbound));
        }

        var conversationKey = $"{inbound.ChannelId}/{inbound.Conversation.Id}";
        using (await locks.AcquireAsync(conversationKey, cancellationToken).ConfigureAwait(false))
        {
            await transcript.WaitUntilWrittenAsync(conversationKey, cancellationToken).ConfigureAwait(false);
            var result = await RunWithRetriesAsync(inbound, cancellationToken).ConfigureAwait(false);
            if (!result.ExcludedFromTranscript)
            {
                await transcript.RecordAsync(conversationKey, inbound, result.Replies, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
    }

    private async Task<TurnResult> RunWithRetriesAsync(Activity inbound, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Middleware may normalise the activity (Teams mentions, card submits): each try starts from what arrived.
            var context = new TurnContext(adapter, inbound.Clone());
            try
            {
                await adapter.RunTurnAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
                await states.SaveUnsavedChangesAsync(context, cancellationToken).ConfigureAwait(false);
                return Result(context);
            }
            catch (Exception ex) when (StorageFaults.IsConflict(ex) && attempt < MaxAttempts)
            {
                LogConflictRetry(logger, inbound.ChannelId, inbound.Conversation?.Id, attempt);
            }
            catch (Exception ex) when (StorageFaults.IsConflict(ex) || StorageFaults.IsUnavailable(ex))
            {
                // State could not be saved (store down, or still racing after every try): nothing the patient said is
                // recorded, so ask them to send it again rather than pretend it was taken.
                LogStorageUnavailable(logger, inbound.ChannelId, inbound.Conversation?.Id, ex.GetType().Name);
                return new TurnResult([inbound.CreateReply(HostReplies.StorageUnavailable(inbound.Locale))], InvokeFallback(inbound));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Replies of a failed turn describe state that was never saved: drop them, keep only the apology.
                Discard(context);
                await errorHandler.HandleAsync(context, ex).ConfigureAwait(false);
                return Result(context);
            }
        }
    }

    private static void Discard(TurnContext context)
    {
        context.BufferedReplyActivities.Clear();
        context.TurnState.Get<ReplyBuffer>()?.Activities.Clear();
    }

    private static TurnResult Result(TurnContext context)
    {
        var inbound = context.Activity;
        var sent = context.TurnState.Get<ReplyBuffer>()?.Activities ?? [];
        var replies = new List<Activity>(sent.Count + context.BufferedReplyActivities.Count);
        foreach (var activity in sent.Concat(context.BufferedReplyActivities))
        {
            // The invoke response travels in the HTTP answer, not as an activity; traces only mean something to the Emulator.
            if (activity.IsType(ActivityTypes.InvokeResponse)
                || (activity.IsType(ActivityTypes.Trace) && !string.Equals(inbound.ChannelId, BotChannels.Emulator, StringComparison.Ordinal)))
            {
                continue;
            }

            replies.Add(activity);
        }

        var invokeResponse = context.TurnState.TryGetValue(BotAdapter.InvokeResponseKey, out var value) && value is InvokeResponse response
            ? response
            : InvokeFallback(inbound);
        return new TurnResult(replies, invokeResponse) { ExcludedFromTranscript = context.IsExcludedFromTranscript() };
    }

    private static InvokeResponse? InvokeFallback(Activity inbound) =>
        inbound.IsType(ActivityTypes.Invoke) ? new InvokeResponse(StatusNotImplemented) : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ETag conflict on channel {ChannelId}, conversation {ConversationId} (try {Attempt}); running the turn again on fresh state")]
    private static partial void LogConflictRetry(ILogger logger, string? channelId, string? conversationId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "State could not be saved on channel {ChannelId}, conversation {ConversationId} ({ExceptionType}); asked the user to try again")]
    private static partial void LogStorageUnavailable(ILogger logger, string? channelId, string? conversationId, string exceptionType);
}
