namespace PrescreenBot.Referrals.Storage;

/// <summary>The <c>Database</c> section plus <c>ConnectionStrings:Prescreen</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Prescreen";

    /// <summary>An embedded file next to the app: works with nothing installed.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/prescreen.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Filled from <c>ConnectionStrings:Prescreen</c>; empty means the SQLite default.</summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
