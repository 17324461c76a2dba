using Microsoft.Data.Sqlite;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>
/// The real servers the tests share: PostgreSQL and SMTP, each started on first use and stopped after the
/// collection. Every test gets its own fresh database.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _sqliteFolder = Path.Combine(Path.GetTempPath(), "prescreen-sqlite-" + Guid.NewGuid().ToString("N"));
    private PostgresServer? _postgres;
    private SmtpServer? _smtp;

    internal async Task<SmtpServer> SmtpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _smtp ??= await SmtpServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh, empty database of the given provider.</summary>
    internal async Task<TestDatabase> CreateDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(_sqliteFolder);
            return new TestDatabase(provider, $"Data Source={Path.Combine(_sqliteFolder, Guid.NewGuid().ToString("N") + ".db")}");
        }

        await _gate.WaitAsync();
        try
        {
            _postgres ??= await PostgresServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }

        return new TestDatabase(provider, await _postgres.CreateDatabaseAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteFolder))
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}

/// <summary>One test's database: which provider and how to reach it.</summary>
internal sealed record TestDatabase(DatabaseProvider Provider, string ConnectionString);

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Real infrastructure";
}
