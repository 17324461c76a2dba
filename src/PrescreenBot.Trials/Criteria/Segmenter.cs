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
