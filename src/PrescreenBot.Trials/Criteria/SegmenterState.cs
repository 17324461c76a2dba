namespace PrescreenBot.Trials.Criteria;

/// <summary>
/// The running state of <see cref="Segmenter"/>: the open lists of the current section. Split by concern: this file
/// holds the state and the line intake; where an item goes is in ItemPlacement, nested lists in NestedLists, and
/// numbering gaps in NumberingGaps.
/// </summary>
internal sealed partial class SegmenterState
{
    private readonly List<RawCriterion> _items = [];
    private readonly List<IgnoredText> _ignored = [];
    private readonly List<Flag> _flags = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    private CriterionKind _kind = CriterionKind.Inclusion;
    private bool _sectionSeen;
    private MarkerStyle _topStyle;
    private int _topCount;
    private int _topLast;
    private RawCriterion? _top;
    private RawCriterion? _current;
    private RawCriterion? _lastNonBullet;
    private NestedList? _nested;
    private bool _strayStart;
    private readonly Dictionary<int, int> _dottedLast = [];
    private int _indent;
    private int _topIndent;
    private readonly Dictionary<int, RawCriterion> _groupHeads = [];

    // What the previous section left open, to recognise a list that continues under the other heading.
    private NestedList? _previousNested;

    /// <summary>Extra indentation that makes a bullet a sub-bullet of the one above.</summary>
    private const int MinSubIndent = 2;

    private string Prefix => _kind == CriterionKind.Inclusion ? "in" : "ex";

    public void StartSection(CriterionKind kind, int lineNumber, string text)
    {
        _previousNested = _nested;
        _kind = kind;
        _sectionSeen = true;
        _topStyle = MarkerStyle.None;
        _topCount = 0;
        _topLast = 0;
        _top = null;
        _current = null;
        _lastNonBullet = null;
        _nested = null;
        _strayStart = false;
        _dottedLast.Clear();
        _groupHeads.Clear();
        if (lineNumber > 0)
        {
            Ignore(lineNumber, text, "section heading");
        }
    }

    public void Ignore(int lineNumber, string text, string reason) =>
        _ignored.Add(new IgnoredText(text, reason, new SourceSpan(lineNumber, lineNumber)));

    public void AddLine(int lineNumber, string text, int indent = 0)
    {
        var (marker, start) = ListMarkers.Read(text);
        _indent = indent;
        if (marker.Style == MarkerStyle.None)
        {
            AddContinuation(lineNumber, text);
            return;
        }

        var rest = text[start..];
        while (true)
        {
            var cut = ListMarkers.FindInlineNext(rest, marker, out var next);
            var piece = cut < 0 ? rest : rest[..cut];
            AddItem(lineNumber, marker, piece.Trim());
            if (cut < 0)
            {
                break;
            }

            rest = rest[(cut + next.Written.Length)..];
            marker = next;
        }
    }

    public Segmentation Finish()
    {
        var kept = new List<RawCriterion>();
        foreach (var item in _items)
        {
            if (item.Text.Length == 0 && item.ChildCount == 0)
            {
                _ignored.Add(new IgnoredText(item.Marker.Written, "empty list item", new SourceSpan(item.StartLine, item.EndLine)));
                continue;
            }

            kept.Add(item);
        }

        foreach (var item in kept.Where(i => i.ContinuesOtherSection && !_flags.Any(f => f.CriterionId == i.Id && f.Code is FlagCodes.InclusionUnderExclusion or FlagCodes.ExclusionUnderInclusion)))
        {
            _flags.Add(new Flag
            {
                Code = item.Kind == CriterionKind.Exclusion ? FlagCodes.InclusionUnderExclusion : FlagCodes.ExclusionUnderInclusion,
                Message = $"Item {item.Marker.Written} continues a numbered list begun under the other heading; it reads as " +
                          (item.Kind == CriterionKind.Exclusion ? "an inclusion requirement under the exclusion heading." : "an exclusion under the inclusion heading."),
                CriterionId = item.Id,
            });
        }

        var cohorts = CohortFinder.Assign(kept, _flags);
        return new Segmentation(kept, [.. _ignored.OrderBy(i => i.Source.StartLine)], _flags, cohorts);
    }

    private void AddContinuation(int lineNumber, string text)
    {
        if (_current is null)
        {
            if (text.EndsWith(':') || text.EndsWith('：') || !_sectionSeen)
            {
                Ignore(lineNumber, text, _sectionSeen ? "introductory text before the first criterion" : "text before the first criteria heading");
                return;
            }

            AddItem(lineNumber, ListMarker.None, text);
            return;
        }

        _current.Text = _current.Text.Length == 0 ? text : _current.Text + "\n" + text;
        _current.EndLine = lineNumber;
    }

    private string Unique(string id)
    {
        var candidate = id;
        for (var suffix = 'b'; !_ids.Add(candidate); suffix++)
        {
            candidate = id + suffix;
        }

        return candidate;
    }
}
