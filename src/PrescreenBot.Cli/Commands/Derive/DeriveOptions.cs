namespace PrescreenBot.Cli.Commands.Derive;

/// <summary>The parsed command line of <c>derive</c>.</summary>
internal sealed record DeriveOptions(string Path, bool Json, string? OutDirectory, bool Merge)
{
    public const string Usage = "derive <file-or-folder> [--json] [--out dialogs/] [--merge]";

    /// <summary>Parses the arguments; returns null and an error message when they are wrong.</summary>
    public static (DeriveOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? path = null, outDirectory = null;
        bool json = false, merge = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--merge":
                    merge = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    outDirectory = args[++i];
                    break;
                case "--out":
                    return (null, "--out needs a folder.");
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    return (null, $"unknown option '{a}'.");
                case var a when path is null:
                    path = a;
                    break;
                default:
                    return (null, $"unexpected argument '{args[i]}'.");
            }
        }

        return path is null ? (null, "a file or folder to derive from is required.") : (new DeriveOptions(path, json, outDirectory, merge), null);
    }
}
