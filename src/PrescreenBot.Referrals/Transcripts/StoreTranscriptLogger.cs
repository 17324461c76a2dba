using System.Text;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Referrals.Transcripts;

/// <summary>
/// The bot pipeline's <see cref="ITranscriptLogger"/> backed by the <see cref="ITranscriptStore"/>: every activity
/// in and out, with its JSON as the channel saw it. Activities without a channel or conversation cannot be linked
/// to anyone and are refused.
/// </summary>
public sealed class StoreTranscriptLogger(ITranscriptStore store, TimeProvider timeProvider) : ITranscriptLogger
{
    public Task LogActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity is not Activity concrete)
        {
            throw new ArgumentException($"Expected a {nameof(Activity)}.", nameof(activity));
        }

        if (string.IsNullOrWhiteSpace(concrete.ChannelId) || string.IsNullOrWhiteSpace(concrete.Conversation?.Id))
        {
            throw new ArgumentException("A transcript activity needs a channel id and a conversation id.", nameof(activity));
        }

        var entry = new TranscriptEntry
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
        return store.AppendAsync(entry, cancellationToken);
    }
}
