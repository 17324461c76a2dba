using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>A time window found in criterion text ("within the previous 2 weeks", "6 weeks prior to screening").</summary>
internal readonly record struct TimeWindow(int Days, int Index, int Length, string Anchor);

/// <summary>Finds time windows and says which one belongs to a given match.</summary>
internal static partial class WindowFinder
{
    private const int DaysPerWeek = 7;
    private const int DaysPerMonth = 30;
    private const int DaysPerYear = 365;

    // "within (the) (previous|past|last) N units", "in the past N units", "N units before/prior to X", "N units of screening".
    [GeneratedRegex(@"(?:within|in)\s+(?:the\s+)?(?:previous|past|last|prior)?\s*(\d+|one|two|three|four|five|six|eight|twelve)\s*(days?|weeks?|months?|years?|M\b)(?:\s+(?:before|prior\s+to)\s+(?:the\s+)?([\w\- ]{0,30}))?|(\d+|one|two|three|four|five|six|eight|twelve)\s*(days?|weeks?|months?|years?)\s+(?:before|prior\s+to)\s+(?:the\s+)?([\w\- ]{0,30})|(?:previous|past|last)\s+(\d+|one|two|three|four|five|six|eight|twelve)\s*(days?|weeks?|months?|years?)", RegexOptions.IgnoreCase)]
    private static partial Regex Window();

    // Clauses end at ";", a sentence end, or "or" opening a new clause ("…, or those who…", "or a history of", "or ≥Grade 2").
    // A plain list ("live, inactivated, or RNA vaccine") stays one clause so its window covers every item.
    [GeneratedRegex(@"[;；。]|\.\s|(?:,\s*)?\bor\b(?=\s+(?:have|has|had|received|history|a\s+history|those|patients|suffered|severe|any|≥|require|evidence))", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    public static IReadOnlyList<TimeWindow> FindAll(string text)
    {
        var result = new List<TimeWindow>();
        foreach (Match m in Window().Matches(text))
        {
            var (n, unit, anchor) = m.Groups[1].Success ? (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)
                : m.Groups[4].Success ? (m.Groups[4].Value, m.Groups[5].Value, m.Groups[6].Value)
                : (m.Groups[7].Value, m.Groups[8].Value, string.Empty);
            if (ToDays(n, unit) is { } days)
            {
                result.Add(new TimeWindow(days, m.Index, m.Length, anchor.Trim()));
            }
        }

        return result;
    }

    /// <summary>The window in the same clause as <paramref name="matchIndex"/>: the nearest one, preferring one after it.</summary>
    public static TimeWindow? For(string text, int matchIndex, IReadOnlyList<TimeWindow> windows)
    {
        if (windows.Count == 0)
        {
            return null;
        }

        var (start, end) = Clause(text, matchIndex);
        var inClause = windows.Where(w => w.Index >= start && w.Index < end).ToList();
        if (inClause.Count == 0)
        {
            // "History of any of the following … within 30 days prior to screening: a, b, c" — the window before the
            // list's colon covers the whole list.
            var colon = text.LastIndexOf(':', Math.Max(0, matchIndex - 1));
            var intro = colon < 0 ? (TimeWindow?)null : windows.Where(w => w.Index < colon && w.Index >= Clause(text, colon).Start).Select(w => (TimeWindow?)w).LastOrDefault();
            return intro;
        }

        var after = inClause.Where(w => w.Index >= matchIndex).OrderBy(w => w.Index).FirstOrDefault();
        return after.Length > 0 ? after : inClause.OrderByDescending(w => w.Index).First();
    }

    /// <summary>True when a window counts back from a future event (infusion, conditioning): a washout the site plans.</summary>
    public static bool IsBeforeTreatment(TimeWindow window) =>
        window.Anchor.Contains("infusion", StringComparison.OrdinalIgnoreCase)
        || window.Anchor.Contains("conditioning", StringComparison.OrdinalIgnoreCase)
        || window.Anchor.Contains("first dose", StringComparison.OrdinalIgnoreCase)
        || window.Anchor.Contains("apheresis", StringComparison.OrdinalIgnoreCase);

    private static (int Start, int End) Clause(string text, int index)
    {
        var start = 0;
        var end = text.Length;
        foreach (Match b in ClauseBreak().Matches(text))
        {
            if (b.Index < index)
            {
                start = b.Index + b.Length;
            }
            else
            {
                end = b.Index;
                break;
            }
        }

        return (start, end);
    }

    private static int? ToDays(string number, string unit)
    {
        int? n = number.ToLowerInvariant() switch
        {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "eight" => 8,
            "twelve" => 12,
            var d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null,
        };
        var u = unit.ToLowerInvariant();
        return n is not { } k ? null
            : u.StartsWith('d') ? k
            : u.StartsWith('w') ? k * DaysPerWeek
            : u.StartsWith('m') ? k * DaysPerMonth
            : u.StartsWith('y') ? k * DaysPerYear
            : null;
    }
}
