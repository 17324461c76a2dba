using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PrescreenBot.Referrals.Storage.Migrations;

namespace PrescreenBot.Referrals.Storage;

/// <summary>
/// The referral database: opens connections for the configured provider and brings the schema up to date once
/// per process, before anything reads or writes.
/// </summary>
public sealed class ReferralDatabase : IAsyncDisposable
{
    /// <summary>How long a SQLite command waits for another writer (a second dispatcher, a request) before it gives up.</summary>
    private const int SqliteBusyTimeoutSeconds = 30;

    private readonly DbDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly object _migrationGate = new();
    private Task? _migration;

    public ReferralDatabase(DatabaseOptions options, TimeProvider timeProvider)
    {
        Provider = options.Provider;
        Dialect = SqlDialect.For(options.Provider);
        _timeProvider = timeProvider;
        var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? (options.Provider == DatabaseProvider.Sqlite
                ? DatabaseOptions.DefaultSqliteConnectionString
                : throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required when Database:Provider is Postgres."))
            : options.ConnectionString;
        _dataSource = options.Provider == DatabaseProvider.Postgres
            ? NpgsqlDataSource.Create(connectionString)
            : SqliteFactory.Instance.CreateDataSource(PrepareSqlite(connectionString));
    }

    public DatabaseProvider Provider { get; }

    internal SqlDialect Dialect { get; }

    /// <summary>
    /// Applies pending migrations once per instance; later calls await the same run. A failed run (database not
    /// reachable yet) is retried by the next call instead of failing forever.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        lock (_migrationGate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = MigrateCoreAsync(CancellationToken.None);
            }

            return _migration.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Opens a connection to a migrated database.</summary>
    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (the portal, the dispatcher) work while a referral is being written.
            await using var wal = connection.CreateCommand("PRAGMA journal_mode=WAL;");
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await MigrationRunner.ApplyAsync(connection, Dialect, SchemaMigrations.All, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = builder.DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (builder.DefaultTimeout < SqliteBusyTimeoutSeconds)
        {
            builder.DefaultTimeout = SqliteBusyTimeoutSeconds;
        }

        return builder.ToString();
    }
}
