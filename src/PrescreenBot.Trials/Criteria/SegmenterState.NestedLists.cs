using System.Globalization;

namespace PrescreenBot.Trials.Criteria;

// Numbered or lettered sub-lists under a criterion ("a." under "3.", a nested "1." under "3."): which parent they
// belong to and what they are numbered, kept apart from the top-level placement they hang off.
internal sealed partial class SegmenterState
{
    private sealed record NestedList(RawCriterion Parent, MarkerStyle Style, int Last);

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
}
