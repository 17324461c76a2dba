using System.Text;
using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Referrals.Transcripts;

/// <summary>
/// The bot pipeline's <see cref="ITranscriptLogger"/> backed by the <see cref="ITranscriptStore"/>: every activity
/// in and out, with its JSON as the channel saw it. An activity without a channel or conversation id cannot be
/// linked to anyone (nor erased on request), so it is not stored; that is logged, and the turn goes on.
/// </summary>
public sealed partial class StoreTranscriptLogger(ITranscriptStore store, TimeProvider timeProvider, ILogger<StoreTranscriptLogger> logger)
    : ITranscriptBatchLogger
{
    public async Task LogActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        if (ToEntry(activity) is { } entry)
        {
            await store.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task LogActivitiesAsync(IReadOnlyList<IActivity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var entries = new List<TranscriptEntry>(activities.Count);
        foreach (var activity in activities)
        {
            if (ToEntry(activity) is { } entry)
            {
                entries.Add(entry);
            }
        }

        await store.AppendBatchAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    private TranscriptEntry? ToEntry(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity is not Activity concrete)
        {
            throw new ArgumentException($"Expected a {nameof(Activity)}.", nameof(activity));
        }

        if (string.IsNullOrWhiteSpace(concrete.ChannelId) || string.IsNullOrWhiteSpace(concrete.Conversation?.Id))
        {
            LogUnlinkable(concrete.Type, concrete.Id);
            return null;
        }

        return new TranscriptEntry
        {
            ChannelId = concrete.ChannelId,
            ConversationId = concrete.Conversation.Id,
            ActivityId = concrete.Id,
            Direction = string.Equals(concrete.From?.Role, RoleTypes.Bot, StringComparison.OrdinalIgnoreCase)
                ? TranscriptDirection.Outgoing
                : TranscriptDirection.Incoming,
            ActivityType = concrete.Type ?? "unknown",
            Timestamp = concrete.Timestamp ?? timeProvider.GetUtcNow(),
            ActivityJson = Encoding.UTF8.GetString(BotJson.SerializeActivity(concrete)),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript: activity {ActivityId} of type {ActivityType} has no channel or conversation id; not recorded")]
    private partial void LogUnlinkable(string? activityType, string? activityId);
}
