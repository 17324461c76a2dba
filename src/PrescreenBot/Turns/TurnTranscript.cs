using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Turns;

/// <summary>
/// Records a finished turn — the inbound activity and the replies actually released — with every registered
/// <see cref="ITranscriptLogger"/>. Done once per turn after the retries settle, so a re-run turn is not recorded twice.
/// Entries are deep copies (channels go on to stamp the originals) with an id and a timestamp, so each is addressable.
/// A failing logger is logged (type only) and does not fail the patient's turn.
/// </summary>
public sealed partial class TurnTranscript(IEnumerable<ITranscriptLogger> loggers, TimeProvider timeProvider, ILogger<TurnTranscript> logger)
{
    private readonly ITranscriptLogger[] _loggers = [.. loggers];

    public async Task RecordAsync(Activity inbound, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (_loggers.Length == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var entries = new List<Activity>(replies.Count + 1) { Copy(inbound, now, RoleTypes.User) };
        foreach (var reply in replies)
        {
            entries.Add(Copy(reply, now, RoleTypes.Bot));
        }

        foreach (var transcriptLogger in _loggers)
        {
            try
            {
                foreach (var entry in entries)
                {
                    await transcriptLogger.LogActivityAsync(entry, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, transcriptLogger.GetType().Name, inbound.ChannelId, inbound.Conversation?.Id, ex.GetType().Name);
            }
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

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Transcript logger {TranscriptLogger} failed on channel {ChannelId}, conversation {ConversationId}: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string transcriptLogger, string? channelId, string? conversationId, string exceptionType);
}
