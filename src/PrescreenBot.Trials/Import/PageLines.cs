namespace PrescreenBot.Trials.Import;

/// <summary>Navigation over the lines of a page: find headings, read the lines of a section.</summary>
internal sealed class PageLines(IReadOnlyList<SourceLine> lines)
{
    public IReadOnlyList<SourceLine> Lines => lines;

    public int Count => lines.Count;

    public SourceLine this[int index] => lines[index];

    /// <summary>Index of the first line from <paramref name="from"/> whose trimmed text equals one of <paramref name="texts"/> (case-insensitive); -1 if none.</summary>
    public int Find(int from, params string[] texts)
    {
        for (var i = Math.Max(0, from); i < lines.Count; i++)
        {
            var t = lines[i].Text.Trim();
            if (texts.Any(x => string.Equals(t, x, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    public int Find(int from, Func<string, bool> predicate)
    {
        for (var i = Math.Max(0, from); i < lines.Count; i++)
        {
            if (predicate(lines[i].Text.Trim()))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Indexes of the non-blank lines in [from, to).</summary>
    public IEnumerable<int> NonBlank(int from, int to)
    {
        for (var i = Math.Max(0, from); i < Math.Min(to, lines.Count); i++)
        {
            if (!lines[i].IsBlank)
            {
                yield return i;
            }
        }
    }

    public int NextNonBlank(int from)
    {
        for (var i = Math.Max(0, from); i < lines.Count; i++)
        {
            if (!lines[i].IsBlank)
            {
                return i;
            }
        }

        return -1;
    }

    public string Text(int index) => index >= 0 && index < lines.Count ? lines[index].Text.Trim() : string.Empty;
}
