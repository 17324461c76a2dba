namespace PrescreenBot.Cli.UnitTests.Support;

/// <summary>Read-only access to the repository's seed documents and checked-in dialog files.</summary>
internal static class Repository
{
    public const string Nct07339332 = "NCT07339332.registry-page.txt";
    public const string Nct07161193 = "NCT07161193.registry-page.txt";
    public const string Nct06316791 = "NCT06316791.registry-page.txt";
    public const string Nct07318259 = "NCT07318259.recruitment-page.txt";
    public const string Zhejiang = "zhejiang-univ.veeva-page.txt";

    public const string ZhejiangId = "zhejiang-university-efficacy-and-safety-of-cd19-ucar-t-cells";

    public static readonly string[] SeedFiles = [Nct07339332, Zhejiang, Nct07161193, Nct06316791, Nct07318259];

    public static string Root { get; } = FindRoot();

    public static string Seed(string file) => Path.Combine(Root, "dialogs", "sources", file);

    public static string DialogsFolder => Path.Combine(Root, "dialogs");

    /// <summary>Copies the checked-in dialogs/*.yaml into <paramref name="folder"/>/dialogs, so chat runs on a private copy.</summary>
    public static string CopyDialogsTo(TempFolder folder)
    {
        var target = folder.Combine("dialogs");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(DialogsFolder, "*.yaml"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PrescreenBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PrescreenBot.sln not found above {AppContext.BaseDirectory}; the tests read the seed documents from the repository.");
    }
}
