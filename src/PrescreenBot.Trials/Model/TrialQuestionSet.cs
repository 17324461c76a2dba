using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials;

/// <summary>
/// Everything derived for one trial: its facts, cohorts, criteria with their questions, flags and the text that
/// was not used, as stored in <c>dialogs/&lt;trial-id&gt;.yaml</c> (see <see cref="DialogFiles.DialogFile"/>).
/// </summary>
public sealed record TrialQuestionSet
{
    /// <summary>Version of the dialog file format this set was read from or will be written as.</summary>
    public int FormatVersion { get; init; } = DialogFiles.DialogFile.CurrentFormatVersion;

    public required Trial Trial { get; init; }

    /// <summary>Draft until a reviewer has read each question against its criterion.</summary>
    public QuestionSetStatus Status { get; init; } = QuestionSetStatus.Draft;

    /// <summary>SHA-256 (hex) of the source document the set was derived from.</summary>
    public string? SourceHash { get; init; }

    /// <summary>The source document's name (file name), for people.</summary>
    public string? SourceName { get; init; }

    /// <summary>The detected layout of the source (<see cref="Import.SourceLayouts"/>).</summary>
    public string? Layout { get; init; }

    /// <summary>Who reviewed the set and a note on what they changed.</summary>
    public string? ReviewNote { get; init; }

    public IReadOnlyList<Cohort> Cohorts { get; init; } = [];

    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    /// <summary>Source text that is in no criterion, each with the reason.</summary>
    public IReadOnlyList<IgnoredText> Ignored { get; init; } = [];

    public IReadOnlyList<Flag> Flags { get; init; } = [];

    /// <summary>The distinct question keys of this trial, in the order first asked by a criterion.</summary>
    public IReadOnlyList<string> QuestionKeys =>
        [.. Criteria.SelectMany(c => c.Questions).Select(q => q.Key).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The first question of this trial with <paramref name="key"/>, or null.</summary>
    public Question? QuestionFor(string key) =>
        Criteria.SelectMany(c => c.Questions).FirstOrDefault(q => string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Unresolved flags raised on <paramref name="criterionId"/>.</summary>
    public IEnumerable<Flag> OpenFlagsOn(string criterionId) =>
        Flags.Where(f => !f.Resolved && string.Equals(f.CriterionId, criterionId, StringComparison.Ordinal));
}

/// <summary>Review state of a question set.</summary>
public enum QuestionSetStatus
{
    /// <summary>Generated, not yet reviewed.</summary>
    Draft,

    /// <summary>Reviewed; regeneration must not lose its edits.</summary>
    Approved,
}
