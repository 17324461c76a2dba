using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Turns;

/// <summary>
/// Writes queued transcript entries to every registered <see cref="ITranscriptLogger"/>, one at a time and in order
/// (a single writer also spares an embedded database lock contention). On shutdown it drains the queue before the
/// host stops. A failing logger is logged (type only) and the entry skipped: a broken store must not stop the bot.
/// </summary>
public sealed partial class TranscriptWriter(TranscriptQueue queue, IEnumerable<ITranscriptLogger> loggers, ILogger<TranscriptWriter> logger) : BackgroundService
{
    private readonly ITranscriptLogger[] _loggers = [.. loggers];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: entries already accepted are written even while the host shuts down (StopAsync completes the queue).
        await foreach (var (entry, written) in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            foreach (var transcriptLogger in _loggers)
            {
                try
                {
                    await transcriptLogger.LogActivityAsync(entry, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    LogFailed(logger, transcriptLogger.GetType().Name, entry.ChannelId, entry.Conversation?.Id, ex.GetType().Name);
                }
            }

            written?.TrySetResult();
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Transcript logger {TranscriptLogger} failed on channel {ChannelId}, conversation {ConversationId}: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string transcriptLogger, string? channelId, string? conversationId, string exceptionType);
}
