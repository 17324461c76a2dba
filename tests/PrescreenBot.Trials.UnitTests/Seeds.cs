using PrescreenBot.Trials.Derivation;

namespace PrescreenBot.Trials.UnitTests;

/// <summary>The five seed documents in dialogs/sources, derived once per test run.</summary>
internal static class Seeds
{
    /// <summary>The date the seeds are judged against (the stale-status check needs one).</summary>
    public static readonly DateOnly Today = new(2026, 11, 21);

    public const string Nct07339332 = "NCT07339332.registry-page.txt";
    public const string Nct07161193 = "NCT07161193.registry-page.txt";
    public const string Nct06316791 = "NCT06316791.registry-page.txt";
    public const string Nct07318259 = "NCT07318259.recruitment-page.txt";
    public const string Zhejiang = "zhejiang-univ.veeva-page.txt";

    public const string ZhejiangId = "zhejiang-university-efficacy-and-safety-of-cd19-ucar-t-cells";

    public static readonly string[] All = [Nct07339332, Zhejiang, Nct07161193, Nct06316791, Nct07318259];

    private static readonly Dictionary<string, TrialQuestionSet> Derived = [];
    private static readonly Lock Gate = new();

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SourcePath(string file) => Path.Combine(RepoRoot, "dialogs", "sources", file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(SourcePath(file));

    public static string Text(string file) => File.ReadAllText(SourcePath(file));

    public static TrialQuestionSet Derive(string file)
    {
        lock (Gate)
        {
            if (!Derived.TryGetValue(file, out var set))
            {
                set = TrialDeriver.Derive(Bytes(file), file, Today).Single();
                Derived[file] = set;
            }

            return set;
        }
    }

    public static Criterion Criterion(this TrialQuestionSet set, string id) =>
        set.Criteria.SingleOrDefault(c => c.Id == id) ?? throw new InvalidOperationException($"{set.Trial.Id} has no criterion {id}; it has {string.Join(", ", set.Criteria.Select(c => c.Id))}.");

    public static IEnumerable<string> Keys(this Criterion criterion) => criterion.Questions.Select(q => q.Key);

    private static string FindRepoRoot()
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
