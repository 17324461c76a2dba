using PrescreenBot.Conversation.Screening;

namespace PrescreenBot.Conversation.UnitTests.Support;

/// <summary>The real, checked-in question sets (<c>dialogs/*.yaml</c>), found by walking up to <c>PrescreenBot.sln</c>.</summary>
public static class SeedDialogs
{
    public const string LupusWuhan = "NCT07339332";
    public const string MultiDisease = "NCT07161193";
    public const string Cnct19 = "NCT06316791";
    public const string UltraFast = "NCT07318259";

    private static readonly Lazy<TrialCatalog> Loaded = new(() => TrialCatalog.FromDirectory(Directory()));

    public static TrialCatalog Catalog => Loaded.Value;

    /// <summary>The Zhejiang trial has no NCT id; its id is whatever the dialog file says (a slug).</summary>
    public static string Zhejiang => Catalog.Sets.Single(s => !s.Trial.Id.StartsWith("NCT", StringComparison.Ordinal)).Trial.Id;

    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PrescreenBot.sln")))
            {
                return Path.Combine(dir.FullName, "dialogs");
            }
        }

        throw new InvalidOperationException($"PrescreenBot.sln not found above {AppContext.BaseDirectory}: the tests need the checked-in dialogs/*.yaml.");
    }
}
