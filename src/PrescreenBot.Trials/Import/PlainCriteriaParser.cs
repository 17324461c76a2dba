using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Import;

/// <summary>
/// Plain "Inclusion Criteria / Exclusion Criteria" text (also the <c>eligibilityCriteria</c> text of a registry
/// record): everything from the first heading on is the eligibility section; an NCT id anywhere is the trial's id.
/// </summary>
internal static partial class PlainCriteriaParser
{
    [GeneratedRegex(@"^\s*(?:key\s+|main\s+|general\s+)?(inclusion|exclusion|eligibility)\s+criteria\s*[:：]?\s*$|^\s*(入选|纳入|排除)标准\s*[:：]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();

    /// <summary>The kind a heading line announces, or null when the line is not a criteria heading.</summary>
    public static CriterionKind? IsHeading(string line)
    {
        var m = HeadingPattern().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var word = m.Groups[1].Success ? m.Groups[1].Value.ToLowerInvariant() : m.Groups[2].Value;
        return word switch
        {
            "exclusion" or "排除" => CriterionKind.Exclusion,
            "eligibility" => null,
            _ => CriterionKind.Inclusion,
        };
    }

    public static bool HasCriteriaHeading(IReadOnlyList<SourceLine> lines) => lines.Any(l => IsHeading(l.Text) is not null);

    public static ImportedSource Parse(IReadOnlyList<SourceLine> lines, string sourceName)
    {
        var first = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsHeading(lines[i].Text) is not null)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            throw new ImportException(sourceName, "no eligibility criteria section (no \"Inclusion Criteria\" or \"Exclusion Criteria\" heading).");
        }

        var ignored = new IgnoredLines(lines, "text before the eligibility criteria");
        ignored.MarkCriteria(lines[first].Number, lines[^1].Number);
        var before = lines.Take(first).Where(l => !l.IsBlank).ToList();
        var all = string.Join('\n', lines.Select(l => l.Text));
        var nct = FactParsers.FindNctId(all);
        var title = before.Count > 0 ? before[0].Text.Trim() : Path.GetFileNameWithoutExtension(sourceName);
        if (before.Count > 0)
        {
            ignored.MarkFact(before[0].Number, "title");
        }

        var ids = TrialIds.Choose(nct, null, null, title, sourceName);
        return new ImportedSource
        {
            Trial = new Trial { Id = ids.Id, IdKind = ids.Kind, NctId = ids.NctId, Title = title },
            Layout = SourceLayouts.PlainCriteria,
            CriteriaLines = [.. lines.Skip(first)],
            Ignored = ignored.Build(),
            Flags = ids.Flags,
        };
    }
}
