using System.Text;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Derivation;
using PrescreenBot.Trials.DialogFiles;
using PrescreenBot.Trials.Import;

namespace PrescreenBot.Cli.Commands.Derive;

/// <summary>
/// <c>derive &lt;path&gt; [--json] [--out dialogs/] [--merge]</c>: derives question sets from trial documents
/// (a file, or every .txt/.json file of a folder). All sources are derived before anything is written, and each
/// file is written to a temporary file first and then moved into place, so a failure leaves nothing half-written.
/// </summary>
public sealed class DeriveCommand(TimeProvider clock) : ICommand
{
    public const int InputError = 1;
    public const int Refused = 3;

    private static readonly string[] SourceExtensions = [".txt", ".json"];

    public string Name => "derive";

    public string Usage => DeriveOptions.Usage;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (options, problem) = DeriveOptions.Parse(args);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {problem}\nusage: prescreen {Usage}");
            return CommandTable.UsageError;
        }

        var files = SourceFiles(options.Path, out var missing);
        if (missing is not null)
        {
            await error.WriteLineAsync("error: " + missing);
            return InputError;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var sets = new List<TrialQuestionSet>();
        var failed = false;
        foreach (var file in files)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                sets.AddRange(TrialDeriver.Derive(bytes, Path.GetFileName(file), today));
            }
            catch (ImportException e)
            {
                await error.WriteLineAsync($"error: {file}: {e.Problem}");
                failed = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {file}: cannot read the file ({e.Message}).");
                failed = true;
            }
        }

        if (failed)
        {
            await error.WriteLineAsync("nothing was written.");
            return InputError;
        }

        if (options.Json)
        {
            await output.WriteLineAsync(DeriveJson.Serialize(sets));
        }

        if (options.OutDirectory is { } outDirectory)
        {
            return await WriteAll(sets, outDirectory, options.Merge, options.Json ? error : output, error, cancellationToken);
        }

        if (!options.Json)
        {
            foreach (var set in sets)
            {
                await output.WriteLineAsync(Summary(set));
            }
        }

        return 0;
    }

    private static List<string> SourceFiles(string path, out string? missing)
    {
        missing = null;
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => SourceExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                missing = $"{path}: the folder holds no .txt or .json trial documents.";
            }

            return files;
        }

        missing = $"{path}: no such file or folder.";
        return [];
    }

    private static async Task<int> WriteAll(
        List<TrialQuestionSet> sets, string outDirectory, bool merge, TextWriter log, TextWriter error, CancellationToken cancellationToken)
    {
        if (OutputProblems(sets) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("error: " + problem);
            }

            await error.WriteLineAsync("nothing was written.");
            return InputError;
        }

        try
        {
            Directory.CreateDirectory(outDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {outDirectory}: cannot create the output folder ({e.Message}); nothing was written.");
            return InputError;
        }

        var plans = new List<(string Path, MergeOutcome Outcome)>();
        foreach (var set in sets)
        {
            var target = Path.Combine(outDirectory, DialogFile.FileNameFor(set.Trial));
            TrialQuestionSet? existing = null;
            if (File.Exists(target))
            {
                try
                {
                    existing = DialogFile.Read(await File.ReadAllTextAsync(target, cancellationToken), target);
                }
                catch (DialogFileException e)
                {
                    await error.WriteLineAsync($"error: {e.Message} Fix or move the file; nothing was written.");
                    return InputError;
                }
            }

            plans.Add((target, DialogMerge.Decide(existing, set, merge)));
        }

        var refused = plans.Where(p => p.Outcome.Action == MergeAction.Refuse).ToList();
        foreach (var (path, outcome) in refused)
        {
            await error.WriteLineAsync($"error: {path}: {outcome.Message}");
        }

        if (refused.Count > 0)
        {
            await error.WriteLineAsync("nothing was written.");
            return Refused;
        }

        foreach (var (path, outcome) in plans)
        {
            if (outcome.Set is { } set && outcome.Action is MergeAction.Write or MergeAction.Merge)
            {
                await WriteAtomically(path, DialogFile.Write(set), cancellationToken);
            }

            await log.WriteLineAsync($"{path}: {outcome.Message}");
        }

        return 0;
    }

    /// <summary>
    /// Trial ids become file names: an id that is not a plain file name (a record's "../x" or "a/b") would write outside
    /// the output folder, and two sources of one trial in a run would overwrite each other.
    /// </summary>
    private static List<string> OutputProblems(List<TrialQuestionSet> sets)
    {
        var problems = new List<string>();
        foreach (var set in sets)
        {
            var name = DialogFile.FileNameFor(set.Trial);
            if (set.Trial.Id.Length == 0 || name != Path.GetFileName(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || set.Trial.Id.StartsWith('.'))
            {
                problems.Add($"{set.SourceName}: the trial id '{set.Trial.Id}' cannot be used as a file name.");
            }
        }

        foreach (var same in sets.GroupBy(s => s.Trial.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", same.Select(s => s.SourceName))}: all hold trial {same.Key}; derive them one at a time.");
        }

        return problems;
    }

    /// <summary>Writes next to the target and moves into place, so readers never see half a file.</summary>
    private static async Task WriteAtomically(string path, string content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string Summary(TrialQuestionSet set)
    {
        var t = set.Trial;
        var questions = set.QuestionKeys;
        return $"{t.Id} ({set.Layout}): {t.Title}\n" +
               $"  status {t.OverallStatus ?? "?"}, ages {t.MinAgeYears?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}–{t.MaxAgeYears?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, " +
               $"{set.Cohorts.Count} cohort(s), {set.Criteria.Count} criteria, {questions.Count} question keys, {set.Flags.Count} flag(s)\n" +
               $"  questions: {string.Join(", ", questions)}\n" +
               string.Concat(set.Flags.Select(f => $"  flag {f.Code}{(f.CriterionId is null ? string.Empty : " [" + f.CriterionId + "]")}: {f.Message}\n"));
    }
}
