namespace PrescreenBot.Trials.Import;

/// <summary>
/// What an importer found in one source: the trial's facts, the lines of its eligibility section (headings
/// included) and every other non-blank line with the reason it is not a criterion.
/// </summary>
public sealed record ImportedSource
{
    public required Trial Trial { get; init; }

    public required string Layout { get; init; }

    /// <summary>False when the layout was a best guess; a <see cref="FlagCodes.LayoutUncertain"/> flag says why.</summary>
    public bool LayoutCertain { get; init; } = true;

    /// <summary>The eligibility section, headings included, in source order.</summary>
    public required IReadOnlyList<SourceLine> CriteriaLines { get; init; }

    /// <summary>Non-blank lines outside the eligibility section, grouped, each with its reason.</summary>
    public IReadOnlyList<IgnoredText> Ignored { get; init; } = [];

    /// <summary>Problems found while importing (missing ids, no sites, placeholders, uncertain layout).</summary>
    public IReadOnlyList<Flag> Flags { get; init; } = [];

    /// <summary>Where <see cref="CriteriaLines"/> numbers point: the page itself, or the criteria text inside a JSON record.</summary>
    public string LineReference { get; init; } = "source";
}
