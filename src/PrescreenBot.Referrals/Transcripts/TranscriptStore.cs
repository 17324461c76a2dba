using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.Transcripts;

/// <summary>
/// Transcripts in the referral database, so a referral and the conversation behind it are erased together.
/// Rows are only ever inserted (and deleted by erasure or retention), never updated.
/// </summary>
public sealed class TranscriptStore(ReferralDatabase database, TimeProvider timeProvider) : ITranscriptStore
{
    public async Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ChannelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ConversationId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(
                """
                INSERT INTO transcripts (channel_id, conversation_id, activity_id, direction, activity_type, timestamp_ms, recorded_at_ms, activity_json)
                VALUES (@channel, @conversation, @activity, @direction, @type, @timestamp, @recorded, @json)
                """)
            .With("@channel", entry.ChannelId)
            .With("@conversation", entry.ConversationId)
            .With("@activity", entry.ActivityId)
            .With("@direction", DirectionToText(entry.Direction))
            .With("@type", entry.ActivityType)
            .With("@timestamp", UnixTime.ToMs(entry.Timestamp))
            .With("@recorded", UnixTime.ToMs(timeProvider.GetUtcNow()))
            .With("@json", entry.ActivityJson);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RecordedTranscriptEntry>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(
                """
                SELECT id, recorded_at_ms, activity_id, direction, activity_type, timestamp_ms, activity_json
                FROM transcripts WHERE channel_id = @channel AND conversation_id = @conversation ORDER BY id
                """)
            .With("@channel", channelId)
            .With("@conversation", conversationId);
        var entries = new List<RecordedTranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new RecordedTranscriptEntry(
                reader.GetInt64(0),
                UnixTime.FromMs(reader.GetInt64(1)),
                new TranscriptEntry
                {
                    ChannelId = channelId,
                    ConversationId = conversationId,
                    ActivityId = reader.GetNullableString(2),
                    Direction = TextToDirection(reader.GetString(3)),
                    ActivityType = reader.GetString(4),
                    Timestamp = UnixTime.FromMs(reader.GetInt64(5)),
                    ActivityJson = reader.GetString(6),
                }));
        }

        return entries;
    }

    /// <summary>Retention: removes entries recorded before <paramref name="cutoff"/>.</summary>
    internal async Task<int> PurgeRecordedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand("DELETE FROM transcripts WHERE recorded_at_ms < @cutoff")
            .With("@cutoff", UnixTime.ToMs(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string DirectionToText(TranscriptDirection direction) => direction switch
    {
        TranscriptDirection.Incoming => "in",
        TranscriptDirection.Outgoing => "out",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction."),
    };

    private static TranscriptDirection TextToDirection(string text) =>
        text == "in" ? TranscriptDirection.Incoming : TranscriptDirection.Outgoing;
}
