using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>Theory data: every repository test runs on SQLite and on PostgreSQL.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
