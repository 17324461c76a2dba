using System.Collections.Concurrent;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>A second transcript logger next to the durable one, remembering what it was given.</summary>
public sealed class RecordingTranscriptLogger : ITranscriptLogger
{
    private readonly ConcurrentQueue<Activity> _logged = new();

    public IReadOnlyList<Activity> Logged => [.. _logged];

    public Task LogActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        _logged.Enqueue((Activity)activity);
        return Task.CompletedTask;
    }
}
