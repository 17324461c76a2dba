namespace PrescreenBot.Cli.UnitTests.Support;

/// <summary>Every file under a folder (relative path → bytes), to show that a failed command changed nothing.</summary>
internal static class FolderSnapshot
{
    public static IReadOnlyDictionary<string, byte[]> Take(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>();
}
