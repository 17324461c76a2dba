namespace PrescreenBot.Referrals.Storage.Migrations;

/// <summary>One versioned schema step; the SQL may differ by provider where the dialect says so.</summary>
internal sealed record Migration(int Version, string Name, Func<SqlDialect, string> Sql);
