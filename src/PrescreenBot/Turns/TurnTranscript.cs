using System.Collections.Concurrent;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Turns;

/// <summary>
/// Records a finished turn — the inbound activity and the replies actually released — for the transcript. Done once
/// per turn after the retries settle, so a re-run turn is not recorded twice. Entries are deep copies (channels go on
/// to stamp the originals) with an id, a timestamp and a role, so each is addressable; they are queued
/// (<see cref="TranscriptQueue"/>) and written by <see cref="TranscriptWriter"/>, so the patient's reply never waits
/// for the database. Nothing is copied when no transcript logger is registered.
/// <para>
/// The next turn of the same conversation first waits until the previous turn's entries are written
/// (<see cref="WaitUntilWrittenAsync"/>; between a person's messages they long are): so "delete my data" always finds
/// everything said before it in the store, and nothing of it is written after the deletion.
/// </para>
/// </summary>
public sealed class TurnTranscript(TranscriptQueue queue, IEnumerable<ITranscriptLogger> loggers, TimeProvider timeProvider)
{
    private readonly bool _enabled = loggers.Any();
    private readonly ConcurrentDictionary<string, Task> _unwritten = new(StringComparer.Ordinal);

    /// <summary>Conversations whose last turn is still being written (for tests and diagnostics).</summary>
    public int ConversationsWithUnwrittenEntries => _unwritten.Count;

    /// <summary>Waits until the entries of <paramref name="conversationKey"/>'s previous turn are in the store.</summary>
    public Task WaitUntilWrittenAsync(string conversationKey, CancellationToken cancellationToken) =>
        _unwritten.TryGetValue(conversationKey, out var written) && !written.IsCompleted ? written.WaitAsync(cancellationToken) : Task.CompletedTask;

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
            await queue.EnqueueAsync(Copy(inbound, now, RoleTypes.User), replies.Count == 0 ? written : null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < replies.Count; i++)
            {
                await queue.EnqueueAsync(Copy(replies[i], now, RoleTypes.Bot), i == replies.Count - 1 ? written : null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // The last entry never got queued (the caller gave up while the queue was full): nobody may wait for it.
            written.TrySetResult();
            throw;
        }
    }

    private static Activity Copy(Activity activity, DateTimeOffset now, string role)
    {
        var copy = JsonSerializer.Deserialize<Activity>(BotJson.SerializeActivity(activity), BotJson.Options)!;
        copy.Id ??= $"g_{Guid.NewGuid():N}";
        copy.Timestamp ??= now;
        copy.From ??= new ChannelAccount();
        copy.From.Role ??= role;
        return copy;
    }
}
