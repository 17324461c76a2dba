using PrescreenBot.Trials;
using PrescreenBot.Trials.DialogFiles;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>The trials the bot can screen for: the loaded, reviewed question sets of <c>dialogs/*.yaml</c>.</summary>
public sealed class TrialCatalog
{
    public TrialCatalog(IEnumerable<TrialQuestionSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        Sets = [.. sets];
        var duplicate = Sets.GroupBy(s => s.Trial.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two question sets have the trial id '{duplicate.Key}'.", nameof(sets));
        }

        screenable = [.. Sets.Where(s => IsOpen(s.Trial)).OrderBy(s => IsRecruiting(s.Trial) ? 0 : 1).ThenBy(s => s.Trial.Id, StringComparer.Ordinal)];
        places = new Dictionary<TrialQuestionSet, int>(ReferenceEqualityComparer.Instance);
        foreach (var set in screenable.Concat(Sets))
        {
            places.TryAdd(set, places.Count);
        }
    }

    /// <summary>Worked out once: the sets never change, and every turn asks for the candidates.</summary>
    private readonly IReadOnlyList<TrialQuestionSet> screenable;

    /// <summary>Each set's place: the screenable ones in screening order, then the rest.</summary>
    private readonly Dictionary<TrialQuestionSet, int> places;

    public IReadOnlyList<TrialQuestionSet> Sets { get; }

    /// <summary>No question set is loaded: the bot says no study is available instead of screening against nothing.</summary>
    public bool IsEmpty => Sets.Count == 0;

    /// <summary>Reads every <c>*.yaml</c> question set in <paramref name="directory"/> (not its subfolders, where sources live).</summary>
    public static TrialCatalog FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The dialogs folder '{directory}' does not exist.");
        }

        var files = Directory.GetFiles(directory, "*" + DialogFile.Extension).Order(StringComparer.Ordinal).ToList();
        return new TrialCatalog(files.Select(f => DialogFile.Read(File.ReadAllText(f), Path.GetFileName(f))));
    }

    /// <summary>The set for a trial id as a site link or event gives it (NCT id, org study id or slug; case-insensitive).</summary>
    public TrialQuestionSet? Find(string? trialId)
    {
        if (string.IsNullOrWhiteSpace(trialId))
        {
            return null;
        }

        var id = trialId.Trim();
        return Sets.FirstOrDefault(s => Matches(s.Trial.Id, id) || Matches(s.Trial.NctId, id) || Matches(s.Trial.OrgStudyId, id));
    }

    public TrialQuestionSet Get(string trialId) =>
        Find(trialId) ?? throw new KeyNotFoundException($"No question set for trial '{trialId}'.");

    /// <summary>Trials a patient can still be referred to: recruiting, not yet recruiting, or of unknown status (recall first).</summary>
    public IReadOnlyList<TrialQuestionSet> Screenable() => screenable;

    /// <summary>
    /// A set's place in screening order (the screenable sets first, in <see cref="Screenable"/> order, then the others);
    /// -1 for a set not in this catalog.
    /// </summary>
    internal int PlaceOf(TrialQuestionSet set) => places.TryGetValue(set, out var place) ? place : -1;

    public static bool IsRecruiting(Trial trial) =>
        trial.OverallStatus is TrialStatuses.Recruiting or TrialStatuses.EnrollingByInvitation;

    public static bool IsNotYetRecruiting(Trial trial) => trial.OverallStatus == TrialStatuses.NotYetRecruiting;

    /// <summary>True when a trial admits children (a minimum age under 18, or none stated), so a guardian may answer.</summary>
    public static bool AdmitsChildren(Trial trial) => trial.MinAgeYears is null or < AdultAgeYears;

    /// <summary>The condition keys the given trials study (their own and their cohorts'), in a stable order.</summary>
    public static IReadOnlyList<string> ConditionsOf(IEnumerable<TrialQuestionSet> sets) =>
        [.. sets.SelectMany(s => s.Trial.ConditionKeys.Concat(s.Cohorts.SelectMany(c => c.ConditionKeys))
                .Concat(s.QuestionFor(QuestionKeys.Condition)?.Disqualifying.AllowedChoices ?? []))
            .Where(k => k != ConditionKeys.Other)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(k => ConditionOrder(k))];

    /// <summary>Age of majority for "who is answering": under it, a parent or guardian answers.</summary>
    private const double AdultAgeYears = 18;

    private static bool IsOpen(Trial trial) => trial.OverallStatus is null
        or TrialStatuses.Recruiting or TrialStatuses.EnrollingByInvitation or TrialStatuses.NotYetRecruiting or TrialStatuses.Unknown;

    private static int ConditionOrder(string key)
    {
        var index = ConditionKeys.Labels.Keys.ToList().IndexOf(key);
        return index < 0 ? int.MaxValue : index;
    }

    private static bool Matches(string? candidate, string id) =>
        candidate is not null && string.Equals(candidate, id, StringComparison.OrdinalIgnoreCase);
}
