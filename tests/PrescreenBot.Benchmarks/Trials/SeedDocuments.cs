namespace PrescreenBot.Benchmarks.Trials;

/// <summary>The five seed trial documents (dialogs/sources), read once from the repository.</summary>
internal static class SeedDocuments
{
    public static readonly string[] Names =
    [
        "NCT07339332.registry-page.txt",
        "zhejiang-univ.veeva-page.txt",
        "NCT07161193.registry-page.txt",
        "NCT06316791.registry-page.txt",
        "NCT07318259.recruitment-page.txt",
    ];

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(RepoRoot(), "dialogs", "sources", name));

    private static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PrescreenBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("PrescreenBot.sln not found above the benchmark's folder; run the benchmarks from the repository.");
    }
}
