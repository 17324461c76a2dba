using System.Data.Common;
using System.Text.Json;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.Referrals;

/// <summary>Referrals and their outbox rows, written together; reads for the portal; erasure and retention.</summary>
public sealed class ReferralStore(ReferralDatabase database)
{
    private const string Columns = """
        id, idempotency_key, trial_id, site_id, verdict, contact_name, contact_phone, contact_email, contact_best_time,
        contact_preferred_language, answered_by_guardian, answers_json, flags_json, consent_wording_version,
        screening_consent_at_ms, sharing_consent_at_ms, channel_id, conversation_id, locale, created_at_ms, status
        """;

    /// <summary>
    /// Inserts the referral and its outbox rows in one transaction; when the idempotency key exists already,
    /// writes nothing and returns the stored referral with <c>Created = false</c>.
    /// </summary>
    internal async Task<(ReferralRecord Referral, bool Created)> CreateAsync(
        ReferralRecord referral, IReadOnlyList<NewOutboxRow> outbox, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int inserted;
        await using (var insert = connection.CreateCommand(
            $"""
            INSERT INTO referrals ({Columns}) VALUES (
                @id, @key, @trial, @site, @verdict, @name, @phone, @email, @best_time, @language, @guardian, @answers, @flags,
                @consent_version, @screening_consent, @sharing_consent, @channel, @conversation, @locale, @created, @status)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            transaction))
        {
            inserted = await insert
                .With("@id", referral.Id)
                .With("@key", referral.IdempotencyKey)
                .With("@trial", referral.TrialId)
                .With("@site", referral.SiteId)
                .With("@verdict", referral.Verdict)
                .With("@name", referral.Contact.Name)
                .With("@phone", referral.Contact.Phone)
                .With("@email", referral.Contact.Email)
                .With("@best_time", referral.Contact.BestTime)
                .With("@language", referral.Contact.PreferredLanguage)
                .With("@guardian", referral.Contact.AnsweredByGuardian ? 1 : 0)
                .With("@answers", JsonSerializer.Serialize(referral.Answers, ReferralJson.Options))
                .With("@flags", JsonSerializer.Serialize(referral.Flags, ReferralJson.Options))
                .With("@consent_version", referral.Consent.WordingVersion)
                .With("@screening_consent", UnixTime.ToMs(referral.Consent.ScreeningConsentAt))
                .With("@sharing_consent", UnixTime.ToMs(referral.Consent.SharingConsentAt))
                .With("@channel", referral.ChannelId)
                .With("@conversation", referral.ConversationId)
                .With("@locale", referral.Locale)
                .With("@created", UnixTime.ToMs(referral.CreatedAt))
                .With("@status", referral.Status)
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (inserted == 0)
        {
            var existing = await FindByKeyAsync(connection, transaction, referral.IdempotencyKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("An idempotency-key conflict was reported but no referral holds the key.");
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (existing, false);
        }

        foreach (var row in outbox)
        {
            await using var command = connection.CreateCommand(
                """
                INSERT INTO outbox (id, referral_id, channel, target, state, attempt_count, next_attempt_at_ms, created_at_ms)
                VALUES (@id, @referral, @channel, @target, 'pending', 0, @created, @created)
                """,
                transaction);
            await command
                .With("@id", row.Id)
                .With("@referral", referral.Id)
                .With("@channel", row.Channel)
                .With("@target", row.Target)
                .With("@created", UnixTime.ToMs(referral.CreatedAt))
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (referral, true);
    }

    public async Task<ReferralRecord?> FindAsync(string referralId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM referrals WHERE id = @id").With("@id", referralId);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>
    /// The newest referrals (up to <paramref name="limit"/>) of the given sites, newest first: the portal's list. The
    /// site filter is in the query, so a caller can never read another site's rows. No sites, no rows.
    /// </summary>
    public async Task<IReadOnlyList<ReferralRecord>> ListForSitesAsync(IReadOnlyCollection<string> siteIds, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(siteIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (siteIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(string.Empty).With("@limit", limit);
        command.CommandText = $"SELECT {Columns} FROM referrals WHERE site_id IN ({command.WithList("@site", siteIds)}) ORDER BY created_at_ms DESC, id DESC LIMIT @limit";
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One referral when it belongs to one of the given sites; null when it does not exist or belongs to another site
    /// (the portal answers 404 either way, so another site's referral is never revealed).
    /// </summary>
    public async Task<ReferralRecord?> FindForSitesAsync(string referralId, IReadOnlyCollection<string> siteIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referralId);
        ArgumentNullException.ThrowIfNull(siteIds);
        if (siteIds.Count == 0)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(string.Empty).With("@id", referralId);
        command.CommandText = $"SELECT {Columns} FROM referrals WHERE id = @id AND site_id IN ({command.WithList("@site", siteIds)})";
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The referrals made in one conversation, oldest first.</summary>
    public async Task<IReadOnlyList<ReferralRecord>> ListForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(
                $"SELECT {Columns} FROM referrals WHERE channel_id = @channel AND conversation_id = @conversation ORDER BY created_at_ms")
            .With("@channel", channelId)
            .With("@conversation", conversationId);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// "Delete my data": the conversation's referrals, their outbox rows and its transcript, in one transaction.
    /// Returns how many referrals were removed.
    /// </summary>
    internal async Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        const string ofConversation = "channel_id = @channel AND conversation_id = @conversation";
        await ExecuteAsync($"DELETE FROM outbox WHERE referral_id IN (SELECT id FROM referrals WHERE {ofConversation})").ConfigureAwait(false);
        var referrals = await ExecuteAsync($"DELETE FROM referrals WHERE {ofConversation}").ConfigureAwait(false);
        await ExecuteAsync($"DELETE FROM transcripts WHERE {ofConversation}").ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return referrals;

        async Task<int> ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand(sql, transaction)
                .With("@channel", channelId)
                .With("@conversation", conversationId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retention: removes referrals created before <paramref name="cutoff"/> and their outbox rows.</summary>
    internal async Task<int> PurgeCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var outbox = connection.CreateCommand(
            "DELETE FROM outbox WHERE referral_id IN (SELECT id FROM referrals WHERE created_at_ms < @cutoff)", transaction))
        {
            await outbox.With("@cutoff", UnixTime.ToMs(cutoff)).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int removed;
        await using (var referrals = connection.CreateCommand("DELETE FROM referrals WHERE created_at_ms < @cutoff", transaction))
        {
            removed = await referrals.With("@cutoff", UnixTime.ToMs(cutoff)).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private static async Task<ReferralRecord?> FindByKeyAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM referrals WHERE idempotency_key = @key", transaction).With("@key", key);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<ReferralRecord>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var referrals = new List<ReferralRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            referrals.Add(new ReferralRecord
            {
                Id = reader.GetString(0),
                IdempotencyKey = reader.GetString(1),
                TrialId = reader.GetString(2),
                SiteId = reader.GetString(3),
                Verdict = reader.GetString(4),
                Contact = new PatientContact
                {
                    Name = reader.GetString(5),
                    Phone = reader.GetNullableString(6),
                    Email = reader.GetNullableString(7),
                    BestTime = reader.GetNullableString(8),
                    PreferredLanguage = reader.GetNullableString(9),
                    AnsweredByGuardian = reader.GetInt32(10) != 0,
                },
                Answers = JsonSerializer.Deserialize<List<CriterionAnswer>>(reader.GetString(11), ReferralJson.Options) ?? [],
                Flags = JsonSerializer.Deserialize<List<string>>(reader.GetString(12), ReferralJson.Options) ?? [],
                Consent = new ConsentRecord(reader.GetString(13), UnixTime.FromMs(reader.GetInt64(14)), UnixTime.FromMs(reader.GetInt64(15))),
                ChannelId = reader.GetString(16),
                ConversationId = reader.GetString(17),
                Locale = reader.GetString(18),
                CreatedAt = UnixTime.FromMs(reader.GetInt64(19)),
                Status = reader.GetString(20),
            });
        }

        return referrals;
    }
}
