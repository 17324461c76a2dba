using System.Collections.Concurrent;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Turns;

/// <summary>
/// Records a finished turn — the inbound activity and the replies actually released — for the transcript. Done once
/// per turn after the retries settle, so a re-run turn is not recorded twice. Entries are copies (channels go on
/// to stamp the originals) with an id, a timestamp and a role, so each is addressable; they are queued
/// (<see cref="TranscriptQueue"/>) and written by <see cref="TranscriptWriter"/>, so the patient's reply never waits
/// for the database. Nothing is copied when no transcript logger is registered.
/// <para>
/// The next turn of the same conversation first waits until the previous turn's entries are written
/// (<see cref="WaitUntilWrittenAsync"/>; between a person's messages they long are): so "delete my data" always finds
/// everything said before it in the store, and nothing of it is written after the deletion.
/// </para>
/// </summary>
public sealed partial class TurnTranscript(TranscriptQueue queue, IEnumerable<ITranscriptLogger> loggers, TimeProvider timeProvider, ILogger<TurnTranscript> logger)
{
    /// <summary>
    /// How long a turn waits for its conversation's previous entries to be written. Normally they are long written;
    /// when the store is stuck, patients must still get answers, so after this the turn goes ahead (and it is logged).
    /// </summary>
    public static readonly TimeSpan MaxWaitForPreviousEntries = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a turn waits for room in a full queue. A store that has fallen this far behind is broken; the entry is
    /// dropped (logged as an error with ids) rather than leaving every patient without an answer.
    /// </summary>
    public static readonly TimeSpan MaxWaitForQueueRoom = TimeSpan.FromSeconds(5);

    private readonly bool _enabled = loggers.Any();
    private readonly ConcurrentDictionary<string, Task> _unwritten = new(StringComparer.Ordinal);

    /// <summary>Conversations whose last turn is still being written (for tests and diagnostics).</summary>
    public int ConversationsWithUnwrittenEntries => _unwritten.Count;

    /// <summary>Waits until the entries of <paramref name="conversationKey"/>'s previous turn are in the store.</summary>
    public async Task WaitUntilWrittenAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (!_unwritten.TryGetValue(conversationKey, out var written) || written.IsCompleted)
        {
            return;
        }

        try
        {
            await written.WaitAsync(MaxWaitForPreviousEntries, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogStoreBehind(logger, conversationKey);
        }
    }

    public async Task RecordAsync(string conversationKey, Activity inbound, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _unwritten[conversationKey] = written.Task;
        // Forget the conversation once written, unless a newer turn has replaced the entry meanwhile.
        _ = written.Task.ContinueWith(
            task => _unwritten.TryRemove(new KeyValuePair<string, Task>(conversationKey, task)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await EnqueueAsync(conversationKey, Copy(inbound, now, RoleTypes.User), replies.Count == 0 ? written : null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < replies.Count; i++)
            {
                await EnqueueAsync(conversationKey, Copy(replies[i], now, RoleTypes.Bot), i == replies.Count - 1 ? written : null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // The last entry never got queued (the caller gave up while the queue was full): nobody may wait for it.
            written.TrySetResult();
            throw;
        }
    }

    private async Task EnqueueAsync(string conversationKey, Activity entry, TaskCompletionSource? written, CancellationToken cancellationToken)
    {
        // Room in the queue is the normal case; only a full queue pays for the bounded wait's timers.
        if (queue.TryEnqueue(entry, written))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(MaxWaitForQueueRoom, timeProvider);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await queue.EnqueueAsync(entry, written, patience.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDropped(logger, conversationKey, entry.Type);
            written?.TrySetResult();
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Transcript store is behind: {ConversationKey}'s previous turn is not written yet; the turn goes ahead")]
    private static partial void LogStoreBehind(ILogger logger, string conversationKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Transcript queue full for too long: a {ActivityType} entry of {ConversationKey} was dropped")]
    private static partial void LogDropped(ILogger logger, string conversationKey, string? activityType);

    /// <summary>
    /// A shallow copy is enough: after a turn, channels stamp activities by replacing their top-level fields (id,
    /// timestamp, from, recipient, conversation, replyToId), never by editing what those hold. A JSON round trip here
    /// used to cost a tenth of a turn's allocations.
    /// </summary>
    private static Activity Copy(Activity activity, DateTimeOffset now, string role)
    {
        var copy = activity.Clone();
        copy.Id ??= $"g_{Guid.NewGuid():N}";
        copy.Timestamp ??= now;
        if (copy.From?.Role is null)
        {
            var from = copy.From;
            copy.From = new ChannelAccount
            {
                Id = from?.Id,
                Name = from?.Name,
                AadObjectId = from?.AadObjectId,
                Role = role,
                Properties = from?.Properties,
            };
        }

        return copy;
    }
}
