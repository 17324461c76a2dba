using System.Collections.Concurrent;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>A second transcript logger next to the durable one, remembering what it was given.</summary>
public sealed class RecordingTranscriptLogger : ITranscriptLogger
{
    /// <summary>
    /// Transcripts are written in the background; this is how long a test waits for them before failing. A safety net for
    /// a loaded 2-core machine, not a speed check: a healthy write takes milliseconds.
    /// </summary>
    private static readonly TimeSpan PatienceLimit = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<Activity> _logged = new();

    public IReadOnlyList<Activity> Logged => [.. _logged];

    /// <summary>Makes this logger a slow store (a busy database), to show turns do not wait for it.</summary>
    public TimeSpan DelayPerEntry { get; set; }

    /// <summary>While set, every write hangs until it is released (a store that stopped answering).</summary>
    public TaskCompletionSource? Stuck { get; set; }

    public async Task LogActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        if (Stuck is { } stuck)
        {
            await stuck.Task;
        }

        if (DelayPerEntry > TimeSpan.Zero)
        {
            await Task.Delay(DelayPerEntry, cancellationToken);
        }

        _logged.Enqueue((Activity)activity);
    }

    /// <summary>The logged activities of <paramref name="conversationId"/> once there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForConversationAsync(string conversationId, int count)
    {
        using var patience = new CancellationTokenSource(PatienceLimit);
        while (true)
        {
            var logged = Logged.Where(a => a.Conversation?.Id == conversationId).ToList();
            if (logged.Count >= count)
            {
                return logged;
            }

            if (patience.IsCancellationRequested)
            {
                throw new TimeoutException($"Only {logged.Count} of {count} transcript entries of {conversationId} were written.");
            }

            await Task.Delay(20);
        }
    }
}
