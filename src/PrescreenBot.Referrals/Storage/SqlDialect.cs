namespace PrescreenBot.Referrals.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL disagree. Everything else is one SQL text for both, with
/// timestamps as Unix milliseconds (BIGINT) so comparisons and ordering behave the same everywhere.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    public abstract DatabaseProvider Provider { get; }

    /// <summary>An append-only row number column.</summary>
    public abstract string IdentityPrimaryKey { get; }

    /// <summary>Appended to the outbox claim's inner SELECT: row locks that other dispatchers skip, where there are any.</summary>
    public abstract string ClaimLockClause { get; }

    /// <summary>A statement that, run first in the migration transaction, keeps a second starting instance out.</summary>
    public abstract string? MigrationLockStatement { get; }

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public override string IdentityPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

        // SQLite has one writer at a time: the claiming UPDATE is atomic on its own.
        public override string ClaimLockClause => "";

        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already takes the write lock.
        public override string? MigrationLockStatement => null;
    }

    private sealed class PostgresDialect : SqlDialect
    {
        // An arbitrary constant that names "PrescreenBot schema migrations" among advisory locks.
        private const long MigrationLockKey = 0x5052_4553_4352_4E31;

        public override DatabaseProvider Provider => DatabaseProvider.Postgres;
        public override string IdentityPrimaryKey => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        public override string ClaimLockClause => "FOR UPDATE SKIP LOCKED";
        public override string? MigrationLockStatement => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
    }
}
