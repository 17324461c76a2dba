using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.Turns;

/// <summary>
/// Writes queued transcript entries to every registered <see cref="ITranscriptLogger"/>, in order, by one writer (which
/// also spares an embedded database lock contention). Whatever has queued up while the previous write ran is taken as
/// one batch: a logger that can (<see cref="ITranscriptBatchLogger"/>, the durable store) writes it in one transaction,
/// so under load a commit carries hundreds of entries instead of one. If a batch fails it is retried entry by entry, so
/// one bad entry costs only itself. A failing logger is logged (type only) and the entry skipped: a broken store must
/// not stop the bot. On shutdown it drains the queue before the host stops.
/// </summary>
public sealed partial class TranscriptWriter(TranscriptQueue queue, IEnumerable<ITranscriptLogger> loggers, ILogger<TranscriptWriter> logger) : BackgroundService
{
    /// <summary>
    /// Most entries written in one batch: large enough that a commit's fixed cost vanishes at thousands of turns a
    /// second, small enough that a batch's transaction stays short and its waiting turns are released promptly.
    /// </summary>
    public const int MaxBatchSize = 512;

    private readonly ITranscriptLogger[] _loggers = [.. loggers];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: entries already accepted are written even while the host shuts down (StopAsync completes the queue).
        var batch = new List<TranscriptItem>(MaxBatchSize);
        var activities = new List<IActivity>(MaxBatchSize);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatchSize && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
                activities.Add(item.Entry);
            }

            foreach (var transcriptLogger in _loggers)
            {
                await WriteAsync(transcriptLogger, batch, activities).ConfigureAwait(false);
            }

            foreach (var item in batch)
            {
                item.Written?.TrySetResult();
            }

            batch.Clear();
            activities.Clear();
        }
    }

    private async Task WriteAsync(ITranscriptLogger transcriptLogger, List<TranscriptItem> batch, List<IActivity> activities)
    {
        if (transcriptLogger is ITranscriptBatchLogger batchLogger && batch.Count > 1)
        {
            try
            {
                await batchLogger.LogActivitiesAsync(activities, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                // All or none was written: retrying one by one writes every entry that can be written, once.
                LogBatchFailed(logger, transcriptLogger.GetType().Name, batch.Count, ex.GetType().Name);
            }
        }

        foreach (var item in batch)
        {
            try
            {
                await transcriptLogger.LogActivityAsync(item.Entry, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogFailed(logger, transcriptLogger.GetType().Name, item.Entry.ChannelId, item.Entry.Conversation?.Id, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Transcript logger {TranscriptLogger} failed on channel {ChannelId}, conversation {ConversationId}: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string transcriptLogger, string? channelId, string? conversationId, string exceptionType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Transcript logger {TranscriptLogger} failed on a batch of {Count} entries ({ExceptionType}); writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, string transcriptLogger, int count, string exceptionType);
}
