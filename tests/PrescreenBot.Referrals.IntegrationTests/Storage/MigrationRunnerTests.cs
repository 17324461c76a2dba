using System.Data.Common;
using PrescreenBot.Referrals.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Storage;
using PrescreenBot.Referrals.Storage.Migrations;

namespace PrescreenBot.Referrals.IntegrationTests.Storage;

[Collection(InfrastructureCollection.Name)]
public sealed class MigrationRunnerTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_RunAgainAndFromAnotherInstance_AppliesEachVersionOnce(DatabaseProvider provider)
    {
        var database = await infrastructure.CreateDatabaseAsync(provider);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString };
        var time = new ManualTimeProvider();

        await using (var first = new ReferralDatabase(options, time))
        {
            await first.MigrateAsync();
            await first.MigrateAsync();
        }

        await using var second = new ReferralDatabase(options, time);
        await second.MigrateAsync();
        await using var connection = await second.OpenAsync(CancellationToken.None);
        var reapplied = await MigrationRunner.ApplyAsync(connection, second.Dialect, SchemaMigrations.All, time, CancellationToken.None);

        reapplied.Should().BeEmpty();
        (await VersionsAsync(connection)).Should().Equal(SchemaMigrations.All.Select(m => m.Version));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_TwoInstancesStartingTogether_BothSucceedWithOneSchema(DatabaseProvider provider)
    {
        var database = await infrastructure.CreateDatabaseAsync(provider);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString };
        var time = new ManualTimeProvider();
        await using var first = new ReferralDatabase(options, time);
        await using var second = new ReferralDatabase(options, time);

        await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());

        await using var connection = await first.OpenAsync(CancellationToken.None);
        (await VersionsAsync(connection)).Should().Equal(SchemaMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public async Task MigrateAsync_SqliteFileInMissingFolder_CreatesTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "prescreen-folder-" + Guid.NewGuid().ToString("N"), "data");
        try
        {
            await using var database = new ReferralDatabase(
                new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "prescreen.db")}" }, new ManualTimeProvider());

            await database.MigrateAsync();

            File.Exists(Path.Combine(folder, "prescreen.db")).Should().BeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static async Task<List<int>> VersionsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
