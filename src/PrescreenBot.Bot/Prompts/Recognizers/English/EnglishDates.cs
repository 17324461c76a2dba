using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Bot.Prompts.Recognizers.English;

/// <summary>
/// English dates: ISO and numeric forms, "March 2024", "1 March 2024", "March 1st, 2024", "March", "2019",
/// "2 weeks ago", "a year ago", "yesterday", "last month", "last year".
/// </summary>
internal static partial class EnglishDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    public static DateTimeResolution? Recognize(string normalized, DateOnly today)
    {
        if (normalized.Length == 0)
        {
            return null;
        }

        return DatePatterns.RecognizeNumeric(normalized)
            ?? RecognizeRelativeWord(normalized, today)
            ?? RecognizeAgo(normalized, today)
            ?? RecognizeMonthName(normalized, today)
            ?? DatePatterns.RecognizeYear(normalized, today);
    }

    private static DateTimeResolution? RecognizeRelativeWord(string normalized, DateOnly today)
    {
        if (TextNormalizer.ContainsWords(normalized, "today"))
        {
            return DateTimeResolution.ForDay(today);
        }

        if (TextNormalizer.ContainsWords(normalized, "yesterday"))
        {
            return DateTimeResolution.ForDay(today.AddDays(-1));
        }

        if (TextNormalizer.ContainsWords(normalized, "last week"))
        {
            return DateTimeResolution.ForDay(today.AddDays(-7));
        }

        if (TextNormalizer.ContainsWords(normalized, "last month"))
        {
            var month = today.AddMonths(-1);
            return DateTimeResolution.ForMonth(month.Year, month.Month);
        }

        if (TextNormalizer.ContainsWords(normalized, "this month"))
        {
            return DateTimeResolution.ForMonth(today.Year, today.Month);
        }

        if (TextNormalizer.ContainsWords(normalized, "last year"))
        {
            return DateTimeResolution.ForYear(today.Year - 1);
        }

        return TextNormalizer.ContainsWords(normalized, "this year") ? DateTimeResolution.ForYear(today.Year) : null;
    }

    private static DateTimeResolution? RecognizeAgo(string normalized, DateOnly today)
    {
        var match = Ago().Match(normalized);
        if (!match.Success)
        {
            return null;
        }

        var countText = match.Groups["count"].Value;
        decimal? count = countText switch
        {
            "a" or "an" or "one" => 1,
            "a couple of" or "a couple" or "couple of" => 2,
            "a few" or "few" => 3,
            _ => EnglishNumbers.Recognize(countText),
        };
        var unit = match.Groups["unit"].Value switch
        {
            "day" => DateUnit.Day,
            "week" => DateUnit.Week,
            "month" => DateUnit.Month,
            _ => DateUnit.Year,
        };
        return count is { } n ? DatePatterns.Ago(today, n, unit) : null;
    }

    private static DateTimeResolution? RecognizeMonthName(string normalized, DateOnly today)
    {
        var match = DayMonthYear().Matches(normalized).FirstOrDefault(m => Months.ContainsKey(m.Groups["month"].Value))
            ?? MonthDayYear().Match(normalized);
        if (!match.Success || !Months.TryGetValue(match.Groups["month"].Value, out var month))
        {
            return null;
        }

        // "may" alone is too often the verb ("I may have"); accept it only with a day or year.
        var hasDay = int.TryParse(match.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day);
        var hasYear = int.TryParse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year);
        if (match.Groups["month"].Value == "may" && !hasDay && !hasYear)
        {
            return null;
        }

        if (hasYear)
        {
            if (hasDay)
            {
                return DatePatterns.TryDay(year, month, day, out var date) ? DateTimeResolution.ForDay(date) : null;
            }

            return DatePatterns.IsMonth(year, month) ? DateTimeResolution.ForMonth(year, month) : null;
        }

        return hasDay ? DatePatterns.PastDay(today, month, day) : DatePatterns.PastMonth(today, month);
    }

    [GeneratedRegex(@"(?<count>\d+(?:\.\d+)?|a couple of|a couple|couple of|a few|few|an|a|[a-z]+(?: [a-z]+)?)\s+(?<unit>day|week|month|year)s?\s+ago\b")]
    private static partial Regex Ago();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>[a-z]{3,9})\b(?:\s+(?<year>\d{4}))?")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?:\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?!\d))?(?:\s+(?:of\s+)?(?<year>\d{4}))?")]
    private static partial Regex MonthDayYear();
}
