using System.Globalization;
using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.Criteria;

/// <summary>
/// Splits an eligibility section into criteria: headings switch inclusion/exclusion; bullets, numbers as written
/// ("1.", "1.5.", "(2)", a nested "1." under "3."), items run together on one line, continuation lines and
/// sub-bullets are followed; numbering gaps are flagged. Every non-blank line ends in a criterion or in the
/// ignored list with a reason.
/// </summary>
internal static class Segmenter
{
    public static Segmentation Segment(IReadOnlyList<SourceLine> lines)
    {
        var state = new SegmenterState();
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var unescaped = MarkdownText.Unescape(line.Text);
            var text = unescaped.Trim();
            if (PlainCriteriaParser.IsHeading(text) is { } kind)
            {
                state.StartSection(kind, line.Number, text);
                continue;
            }

            if (PlainCriteriaParser.IsHeading(text) is null && IsEligibilityHeading(text))
            {
                state.Ignore(line.Number, text, "section heading");
                continue;
            }

            state.AddLine(line.Number, text, Indent(unescaped));
        }

        return state.Finish();
    }

    /// <summary>Leading spaces (a tab counts as four), which nest Markdown sub-bullets ("  * sub-item").</summary>
    private static int Indent(string line)
    {
        var indent = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                indent++;
            }
            else if (c == '\t')
            {
                indent += 4;
            }
            else
            {
                break;
            }
        }

        return indent;
    }

    private static bool IsEligibilityHeading(string text) =>
        text.Equals("Eligibility Criteria", StringComparison.OrdinalIgnoreCase) || text.Equals("Eligibility Criteria:", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The running state of <see cref="Segmenter"/>: the open lists of the current section.</summary>
internal sealed class SegmenterState
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

    private sealed record NestedList(RawCriterion Parent, MarkerStyle Style, int Last);

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

    private void AddItem(int lineNumber, ListMarker marker, string text)
    {
        RawCriterion? parent = null;
        var id = string.Empty;
        var continues = false;
        var top = false;

        switch (marker.Style)
        {
            case MarkerStyle.Dotted:
                parent = _groupHeads.GetValueOrDefault(marker.Major);
                var expectedMinor = _dottedLast.GetValueOrDefault(marker.Major) + 1;
                if (!_dottedLast.ContainsKey(marker.Major))
                {
                    // The group's first sighting also counts as its top-level number.
                    CheckTopGap(marker.Major, lineNumber, $"{marker.Major}.");
                    _topLast = Math.Max(_topLast, marker.Major);
                    if (_topStyle == MarkerStyle.None)
                    {
                        _topStyle = MarkerStyle.Dotted;
                    }
                }

                if (marker.Number > expectedMinor)
                {
                    Gap(lineNumber, $"{marker.Major}.{expectedMinor}", $"{marker.Major}.{marker.Number - 1}", marker.Written);
                }

                _dottedLast[marker.Major] = Math.Max(marker.Number, _dottedLast.GetValueOrDefault(marker.Major));
                id = $"{Prefix}-{marker.Major}.{marker.Number}";
                break;

            case MarkerStyle.Number when _topStyle is MarkerStyle.Bullet or MarkerStyle.Paren && !_strayStart:
            case MarkerStyle.Paren when _topStyle is not (MarkerStyle.None or MarkerStyle.Paren):
            case MarkerStyle.Letter:
                (parent, id) = Nested(lineNumber, marker);
                break;

            case MarkerStyle.Number:
                if (_nested is { Style: MarkerStyle.Number } open && marker.Number == open.Last + 1 && marker.Number != _topLast + 1)
                {
                    (parent, id) = Nested(lineNumber, marker);
                }
                else if (_top is not null && marker.Number == 1 && _topLast >= 1 && _topStyle == MarkerStyle.Number)
                {
                    _nested = null;
                    (parent, id) = Nested(lineNumber, marker);
                }
                else
                {
                    if (_topCount == 0 && _previousNested is { } prev && marker.Number > 1 && prev.Last < marker.Number)
                    {
                        continues = true;
                        _strayStart = true;
                        _flags.Add(new Flag
                        {
                            Code = _kind == CriterionKind.Exclusion ? FlagCodes.InclusionUnderExclusion : FlagCodes.ExclusionUnderInclusion,
                            Message = $"Items from {marker.Written} on continue the numbered list under \"{Short(prev.Parent.Text)}\" " +
                                      $"({prev.Parent.Id}) but sit under the {(_kind == CriterionKind.Exclusion ? "exclusion" : "inclusion")} heading" +
                                      (prev.Last + 1 < marker.Number ? $"; items {prev.Last + 1}–{marker.Number - 1} are missing." : "."),
                            CriterionId = $"{Prefix}-{marker.Number}",
                        });
                        if (prev.Last + 1 < marker.Number)
                        {
                            _flags.Add(new Flag
                            {
                                Code = FlagCodes.NumberingGap,
                                Message = $"Numbering jumps from {prev.Last} to {marker.Number} (items {prev.Last + 1}–{marker.Number - 1} are missing).",
                                CriterionId = $"{Prefix}-{marker.Number}",
                            });
                        }
                    }
                    else
                    {
                        CheckTopGap(marker.Number, lineNumber, marker.Written);
                    }

                    top = true;
                    id = $"{Prefix}-{marker.Number}";
                }

                break;

            case MarkerStyle.Paren:
                CheckTopGap(marker.Number, lineNumber, marker.Written);
                top = true;
                id = $"{Prefix}-{marker.Number}";
                break;

            // A bullet indented deeper than the list's bullets is a sub-bullet of the last one ("  * sub-item").
            case MarkerStyle.Bullet when _topStyle == MarkerStyle.Bullet && _top is not null && _indent >= _topIndent + MinSubIndent:
                parent = _top;
                id = $"{parent.Id}.{parent.ChildCount + 1}";
                break;

            case MarkerStyle.Bullet when _topStyle is MarkerStyle.None or MarkerStyle.Bullet || _strayStart:
            case MarkerStyle.None:
                top = true;
                if (_strayStart && marker.Style == MarkerStyle.Bullet)
                {
                    _topStyle = MarkerStyle.Bullet;
                }

                var position = Math.Max(_topCount, _topLast) + 1;
                id = $"{Prefix}-{position}";

                // Unnumbered items take the next position, so a bullet after "6." is item 7.
                _topLast = position;
                break;

            default: // a bullet under a numbered item: its sub-point
                parent = _lastNonBullet ?? _top;
                id = parent is null ? $"{Prefix}-{_topCount + 1}" : $"{parent.Id}.{parent.ChildCount + 1}";
                top = parent is null;
                break;
        }

        if (top)
        {
            if (_topStyle == MarkerStyle.None || (_topStyle == MarkerStyle.Dotted && marker.Style == MarkerStyle.Number))
            {
                _topStyle = marker.Style == MarkerStyle.None ? MarkerStyle.Bullet : marker.Style;
            }

            _topCount++;
            if (marker.Style is MarkerStyle.Number or MarkerStyle.Paren)
            {
                _topLast = Math.Max(_topLast, marker.Number);
            }

            _nested = null;
        }

        var item = new RawCriterion
        {
            Id = Unique(id),
            Kind = _kind,
            Marker = marker,
            Text = text,
            StartLine = lineNumber,
            EndLine = lineNumber,
            Parent = parent,
            ContinuesOtherSection = continues || (_strayStart && marker.Style == MarkerStyle.Number && top),
        };
        if (parent is not null)
        {
            parent.ChildCount++;
        }

        _items.Add(item);
        _current = item;
        if (top)
        {
            _top = item;
            _topIndent = _indent;
            if (marker.Style == MarkerStyle.Number)
            {
                _groupHeads[marker.Number] = item;
            }
        }

        if (marker.Style != MarkerStyle.Bullet || top)
        {
            _lastNonBullet = item;
        }
    }

    private (RawCriterion? Parent, string Id) Nested(int lineNumber, ListMarker marker)
    {
        var parent = _nested?.Parent ?? (marker.Style == MarkerStyle.Letter ? _lastNonBullet : _top) ?? _top;
        if (parent is null)
        {
            return (null, $"{Prefix}-{_topCount + 1}");
        }

        if (marker.Style is MarkerStyle.Number or MarkerStyle.Paren)
        {
            var expected = _nested is { } n && n.Style == marker.Style ? n.Last + 1 : 1;
            if (marker.Number > expected)
            {
                Gap(lineNumber, expected.ToString(CultureInfo.InvariantCulture), (marker.Number - 1).ToString(CultureInfo.InvariantCulture), marker.Written);
            }

            _nested = new NestedList(parent, marker.Style, marker.Number);
            return (parent, $"{parent.Id}.{marker.Number}");
        }

        return (parent, $"{parent.Id}.{parent.ChildCount + 1}");
    }

    private void CheckTopGap(int number, int lineNumber, string written)
    {
        var expected = _topLast + 1;
        if (number > expected)
        {
            Gap(lineNumber, expected.ToString(CultureInfo.InvariantCulture), (number - 1).ToString(CultureInfo.InvariantCulture), written);
        }
    }

    private void Gap(int lineNumber, string from, string to, string written)
    {
        var missing = from == to ? $"item {from} is" : $"items {from}–{to} are";
        _flags.Add(new Flag
        {
            Code = FlagCodes.NumberingGap,
            Message = $"Under the {(_kind == CriterionKind.Inclusion ? "inclusion" : "exclusion")} heading, {missing} missing before {written} (line {lineNumber.ToString(CultureInfo.InvariantCulture)}).",
            CriterionId = PendingId(written),
        });
    }

    private string PendingId(string written)
    {
        var digits = written.Trim('(', ')', '（', '）', '.', ' ');
        return $"{Prefix}-{digits}";
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

    private static string Short(string text) => text.Length <= 40 ? text : text[..40].TrimEnd() + "…";
}
