using System.Data.Common;

namespace PrescreenBot.Referrals.Storage.Migrations;

/// <summary>
/// Applies versioned migrations recorded in <c>schema_migrations</c>, in one transaction under a lock, so two
/// instances starting together apply each step once and a failed step leaves nothing half-done.
/// </summary>
internal static class MigrationRunner
{
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        DbConnection connection, SqlDialect dialect, IReadOnlyList<Migration> migrations, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (dialect.MigrationLockStatement is { } lockStatement)
        {
            await using var lockCommand = connection.CreateCommand(lockStatement, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = connection.CreateCommand(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)",
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var select = connection.CreateCommand("SELECT version FROM schema_migrations", transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var newlyApplied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            await using (var step = connection.CreateCommand(migration.Sql(dialect), transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = connection.CreateCommand(
                "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (@version, @name, @at)", transaction))
            {
                await record.With("@version", migration.Version)
                    .With("@name", migration.Name)
                    .With("@at", UnixTime.ToMs(timeProvider.GetUtcNow()))
                    .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            newlyApplied.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return newlyApplied;
    }
}
