namespace PrescreenBot.Hosting;

/// <summary>
/// Where the service's files are: the root holding <c>appsettings.json</c> and <c>dialogs/</c>. In a checkout that is
/// the repository root (found by walking up to <c>PrescreenBot.sln</c>, so <c>dotnet run --project src/PrescreenBot</c>
/// works from anywhere inside it); in a deployment without the solution file, the content root.
/// </summary>
public sealed record RepositoryLayout(string RootDirectory)
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "PrescreenBot.sln";

    public string DialogsDirectory => Path.Combine(RootDirectory, "dialogs");

    /// <summary>The first directory at or above one of <paramref name="startDirectories"/> holding <see cref="RootMarker"/>, else the first start directory.</summary>
    public static RepositoryLayout Locate(params string[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, RootMarker)))
                {
                    return new RepositoryLayout(directory.FullName);
                }
            }
        }

        return new RepositoryLayout(Path.GetFullPath(startDirectories[0]));
    }
}
