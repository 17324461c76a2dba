namespace PrescreenBot.Trials.Import;

/// <summary>
/// Collects why each non-criteria line is left out, then groups consecutive lines with the same reason,
/// so that no line of a source is lost silently.
/// </summary>
internal sealed class IgnoredLines(IReadOnlyList<SourceLine> lines, string defaultReason)
{
    public const string PageText = "page text outside the eligibility criteria";
    public const string PageChrome = "page navigation or section description";

    private readonly Dictionary<int, string> _reasons = [];
    private readonly HashSet<int> _criteria = [];

    public void Mark(int lineNumber, string reason) => _reasons[lineNumber] = reason;

    public void MarkFact(int lineNumber, string field) => _reasons[lineNumber] = "parsed into trial facts: " + field;

    public void MarkCriteria(int fromLine, int toLine)
    {
        for (var n = fromLine; n <= toLine; n++)
        {
            _criteria.Add(n);
        }
    }

    public IReadOnlyList<IgnoredText> Build()
    {
        var result = new List<IgnoredText>();
        var group = new List<SourceLine>();
        string? groupReason = null;

        void Flush()
        {
            if (group.Count > 0 && groupReason is not null)
            {
                result.Add(new IgnoredText(
                    string.Join('\n', group.Select(l => l.Text.TrimEnd())),
                    groupReason,
                    new SourceSpan(group[0].Number, group[^1].Number)));
            }

            group.Clear();
            groupReason = null;
        }

        foreach (var line in lines)
        {
            if (_criteria.Contains(line.Number))
            {
                Flush();
                continue;
            }

            if (line.IsBlank)
            {
                continue;
            }

            var reason = _reasons.GetValueOrDefault(line.Number, defaultReason);
            if (reason != groupReason)
            {
                Flush();
                groupReason = reason;
            }

            group.Add(line);
        }

        Flush();
        return result;
    }
}
