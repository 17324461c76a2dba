using System.Data.Common;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.Outbox;

/// <summary>
/// Outbox rows: claimed under a lease, so two dispatchers never attempt the same row at once and a crashed one's
/// rows come back when its lease runs out. Every outcome is written only by the lease holder.
/// </summary>
public sealed class OutboxStore(ReferralDatabase database)
{
    private const string Columns = "id, referral_id, channel, target, state, attempt_count, next_attempt_at_ms, last_error_code, delivered_at_ms";

    /// <summary>Leases up to <paramref name="batchSize"/> due rows to <paramref name="owner"/>.</summary>
    internal async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE outbox SET lease_owner = @owner, lease_until_ms = @lease_until
            WHERE id IN (
                SELECT id FROM outbox
                WHERE state = '{OutboxStates.Pending}' AND next_attempt_at_ms <= @now
                  AND (lease_until_ms IS NULL OR lease_until_ms <= @now)
                ORDER BY next_attempt_at_ms
                LIMIT @batch
                {database.Dialect.ClaimLockClause})
              AND state = '{OutboxStates.Pending}' AND (lease_until_ms IS NULL OR lease_until_ms <= @now)
            RETURNING id, referral_id, channel, target, attempt_count
            """;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(sql)
            .With("@owner", owner)
            .With("@lease_until", UnixTime.ToMs(now + lease))
            .With("@now", UnixTime.ToMs(now))
            .With("@batch", batchSize);
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(new ClaimedDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return claimed;
    }

    /// <summary>Records a delivery; false when the lease was lost (or the referral deleted) meanwhile.</summary>
    internal Task<bool> MarkDeliveredAsync(ClaimedDelivery delivery, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(
            $"""
            UPDATE outbox SET state = '{OutboxStates.Delivered}', attempt_count = attempt_count + 1, delivered_at_ms = @now,
                lease_owner = NULL, lease_until_ms = NULL, last_error_code = NULL
            WHERE id = @id AND lease_owner = @owner AND state = '{OutboxStates.Pending}'
            """,
            delivery, command => command.With("@now", UnixTime.ToMs(now)).With("@id", delivery.Id).With("@owner", owner), cancellationToken);

    /// <summary>Records a failed attempt: back to pending at <paramref name="retryAt"/>, or dead when it is null.</summary>
    internal Task<bool> MarkFailedAsync(
        ClaimedDelivery delivery, string owner, string errorCode, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        FinishAsync(
            $"""
            UPDATE outbox SET state = @state, attempt_count = attempt_count + 1, last_error_code = @error,
                next_attempt_at_ms = @next_attempt, lease_owner = NULL, lease_until_ms = NULL
            WHERE id = @id AND lease_owner = @owner AND state = '{OutboxStates.Pending}'
            """,
            delivery,
            command => command
                .With("@state", retryAt is null ? OutboxStates.Dead : OutboxStates.Pending)
                .With("@error", errorCode)
                .With("@next_attempt", UnixTime.ToMs(retryAt ?? now))
                .With("@id", delivery.Id)
                .With("@owner", owner),
            cancellationToken);

    /// <summary>Gives a lease back without counting an attempt (the dispatcher is stopping).</summary>
    internal async Task ReleaseAsync(ClaimedDelivery delivery, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(
                "UPDATE outbox SET lease_owner = NULL, lease_until_ms = NULL WHERE id = @id AND lease_owner = @owner")
            .With("@id", delivery.Id)
            .With("@owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outbox rows of one referral, oldest first (for the portal and for tests).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListForReferralAsync(string referralId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM outbox WHERE referral_id = @referral ORDER BY created_at_ms, channel")
            .With("@referral", referralId);
        return await ReadMessagesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outbox rows of several referrals at once (the portal's list shows each one's delivery state), oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListForReferralsAsync(IReadOnlyCollection<string> referralIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referralIds);
        if (referralIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(string.Empty);
        command.CommandText = $"SELECT {Columns} FROM outbox WHERE referral_id IN ({command.WithList("@referral", referralIds)}) ORDER BY created_at_ms, channel";
        return await ReadMessagesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A person asked to try a dead-lettered row again: it becomes pending and due at <paramref name="now"/>, keeping its
    /// id (the same <c>webhook-id</c>, so receivers still de-duplicate) and its attempt count, so the retry is one more
    /// attempt and a failure dead-letters it again at once. The referral's status is refreshed in the same transaction.
    /// False when the row is not dead, or not of that referral.
    /// </summary>
    public async Task<bool> RetryDeadAsync(string referralId, string outboxId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referralId);
        ArgumentNullException.ThrowIfNull(outboxId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int changed;
        await using (var command = connection.CreateCommand(
            $"""
            UPDATE outbox SET state = '{OutboxStates.Pending}', next_attempt_at_ms = @now, lease_owner = NULL, lease_until_ms = NULL
            WHERE id = @id AND referral_id = @referral AND state = '{OutboxStates.Dead}'
            """,
            transaction))
        {
            changed = await command
                .With("@now", UnixTime.ToMs(now))
                .With("@id", outboxId)
                .With("@referral", referralId)
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (changed == 1)
        {
            await RefreshReferralStatusAsync(connection, transaction, referralId, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Dead-lettered rows, oldest first: what the portal lists for a person to follow up.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListDeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand($"SELECT {Columns} FROM outbox WHERE state = '{OutboxStates.Dead}' ORDER BY created_at_ms");
        return await ReadMessagesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> FinishAsync(string sql, ClaimedDelivery delivery, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int changed;
        await using (var command = connection.CreateCommand(sql, transaction))
        {
            bind(command);
            changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (changed == 1)
        {
            await RefreshReferralStatusAsync(connection, transaction, delivery.ReferralId, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private static async Task RefreshReferralStatusAsync(DbConnection connection, DbTransaction transaction, string referralId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
                $"""
                UPDATE referrals SET status = CASE
                    WHEN EXISTS (SELECT 1 FROM outbox WHERE referral_id = @referral AND state = '{OutboxStates.Dead}') THEN '{ReferralStatus.DeliveryFailed}'
                    WHEN EXISTS (SELECT 1 FROM outbox WHERE referral_id = @referral AND state = '{OutboxStates.Pending}') THEN '{ReferralStatus.Pending}'
                    ELSE '{ReferralStatus.Delivered}' END
                WHERE id = @referral
                """,
                transaction)
            .With("@referral", referralId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<OutboxMessage>> ReadMessagesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new OutboxMessage
            {
                Id = reader.GetString(0),
                ReferralId = reader.GetString(1),
                Channel = reader.GetString(2),
                Target = reader.GetString(3),
                State = reader.GetString(4),
                AttemptCount = reader.GetInt32(5),
                NextAttemptAt = UnixTime.FromMs(reader.GetInt64(6)),
                LastErrorCode = reader.GetNullableString(7),
                DeliveredAt = reader.GetNullableInt64(8) is { } delivered ? UnixTime.FromMs(delivered) : null,
            });
        }

        return messages;
    }
}
