using System.Data.Common;
using System.Globalization;
using System.Text;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.Transcripts;

/// <summary>
/// Transcripts in the referral database, so a referral and the conversation behind it are erased together.
/// Rows are only ever inserted (and deleted by erasure or retention), never updated.
/// </summary>
public sealed class TranscriptStore(ReferralDatabase database, TimeProvider timeProvider) : ITranscriptStore
{
    /// <summary>
    /// Rows per multi-row INSERT on PostgreSQL: eight parameters a row stays far below the protocol's 65,535, and a
    /// few hundred rows are one round trip for everything a busy second queues.
    /// </summary>
    public const int PostgresRowsPerStatement = 200;

    private const string Columns = "channel_id, conversation_id, activity_id, direction, activity_type, timestamp_ms, recorded_at_ms, activity_json";

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AppendBatchAsync([entry], cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="entries"/> in order, all or none, in one transaction: on SQLite one prepared INSERT run
    /// per row (in-process, so rows are cheap and the commit is what costs), on PostgreSQL multi-row INSERTs (one round
    /// trip per <see cref="PostgresRowsPerStatement"/> rows). Every entry is checked before anything is written.
    /// </summary>
    public async Task AppendBatchAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.ChannelId, nameof(entries));
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.ConversationId, nameof(entries));
        }

        if (entries.Count == 0)
        {
            return;
        }

        var recordedMs = UnixTime.ToMs(timeProvider.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteSynchronousAsync(connection, "NORMAL", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await InsertMultiRowAsync(connection, transaction, entries, recordedMs, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await InsertPreparedAsync(connection, transaction, entries, recordedMs, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // The connection goes back to the pool: referrals and consents written on it keep the full sync.
                await SqliteSynchronousAsync(connection, "FULL", CancellationToken.None).ConfigureAwait(false);
            }
        }
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

    /// <summary>
    /// With WAL, <c>synchronous=NORMAL</c> syncs at checkpoints instead of on every commit: a commit survives a crash of
    /// the process (it is in the WAL file) and the database never corrupts; only a power cut may lose the last moments.
    /// For transcripts that trade is what lets thousands of turns a second be recorded.
    /// </summary>
    private static async Task SqliteSynchronousAsync(DbConnection connection, string level, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand($"PRAGMA synchronous={level};");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertPreparedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<TranscriptEntry> entries, long recordedMs, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
                $"INSERT INTO transcripts ({Columns}) VALUES (@channel, @conversation, @activity, @direction, @type, @timestamp, @recorded, @json)",
                transaction)
            .With("@channel", null).With("@conversation", null).With("@activity", null).With("@direction", null)
            .With("@type", null).With("@timestamp", null).With("@recorded", recordedMs).With("@json", null);
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            command.Parameters[0].Value = entry.ChannelId;
            command.Parameters[1].Value = entry.ConversationId;
            command.Parameters[2].Value = (object?)entry.ActivityId ?? DBNull.Value;
            command.Parameters[3].Value = DirectionToText(entry.Direction);
            command.Parameters[4].Value = entry.ActivityType;
            command.Parameters[5].Value = UnixTime.ToMs(entry.Timestamp);
            command.Parameters[7].Value = entry.ActivityJson;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rows of one VALUES list get their ids in list order, so the append order is kept.</summary>
    private static async Task InsertMultiRowAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<TranscriptEntry> entries, long recordedMs, CancellationToken cancellationToken)
    {
        for (var start = 0; start < entries.Count; start += PostgresRowsPerStatement)
        {
            var count = Math.Min(PostgresRowsPerStatement, entries.Count - start);
            var sql = new StringBuilder($"INSERT INTO transcripts ({Columns}) VALUES ");
            await using var command = connection.CreateCommand(string.Empty, transaction).With("@recorded", recordedMs);
            for (var i = 0; i < count; i++)
            {
                var entry = entries[start + i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@c{i}, @v{i}, @a{i}, @d{i}, @t{i}, @s{i}, @recorded, @j{i})");
                command.With($"@c{i}", entry.ChannelId).With($"@v{i}", entry.ConversationId).With($"@a{i}", entry.ActivityId)
                    .With($"@d{i}", DirectionToText(entry.Direction)).With($"@t{i}", entry.ActivityType)
                    .With($"@s{i}", UnixTime.ToMs(entry.Timestamp)).With($"@j{i}", entry.ActivityJson);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
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
