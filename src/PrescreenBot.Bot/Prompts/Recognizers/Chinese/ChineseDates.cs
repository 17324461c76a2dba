using System.Text.RegularExpressions;

namespace PrescreenBot.Bot.Prompts.Recognizers.Chinese;

/// <summary>Chinese dates: 2024年3月, 2024年3月1日, 二〇二四年三月, 三月, 2019年, 去年, 上个月, 昨天, 两周前, 三个月前, 5年前.</summary>
internal static partial class ChineseDates
{
    private const string Number = @"[0-9〇零一二两三四五六七八九十百]+";

    public static DateTimeResolution? Recognize(string normalized, DateOnly today)
    {
        if (normalized.Length == 0)
        {
            return null;
        }

        return DatePatterns.RecognizeNumeric(normalized)
            ?? RecognizeRelativeWord(normalized, today)
            ?? RecognizeAgo(normalized, today)
            ?? RecognizeYearMonthDay(normalized, today);
    }

    private static DateTimeResolution? RecognizeRelativeWord(string text, DateOnly today)
    {
        if (text.Contains("前天", StringComparison.Ordinal))
        {
            return DateTimeResolution.ForDay(today.AddDays(-2));
        }

        if (text.Contains("昨天", StringComparison.Ordinal) || text.Contains("昨日", StringComparison.Ordinal))
        {
            return DateTimeResolution.ForDay(today.AddDays(-1));
        }

        if (text.Contains("今天", StringComparison.Ordinal) || text.Contains("今日", StringComparison.Ordinal))
        {
            return DateTimeResolution.ForDay(today);
        }

        if (text.Contains("上个月", StringComparison.Ordinal) || text.Contains("上月", StringComparison.Ordinal))
        {
            var month = today.AddMonths(-1);
            return DateTimeResolution.ForMonth(month.Year, month.Month);
        }

        if (text.Contains("这个月", StringComparison.Ordinal) || text.Contains("本月", StringComparison.Ordinal))
        {
            return DateTimeResolution.ForMonth(today.Year, today.Month);
        }

        if (text.Contains("前年", StringComparison.Ordinal))
        {
            return DateTimeResolution.ForYear(today.Year - 2);
        }

        if (text.Contains("去年", StringComparison.Ordinal))
        {
            return DateTimeResolution.ForYear(today.Year - 1);
        }

        return text.Contains("今年", StringComparison.Ordinal) ? DateTimeResolution.ForYear(today.Year) : null;
    }

    private static DateTimeResolution? RecognizeAgo(string text, DateOnly today)
    {
        var match = Ago().Match(text);
        if (!match.Success || ChineseNumbers.Recognize(match.Groups["count"].Value) is not { } count)
        {
            return null;
        }

        var unit = match.Groups["unit"].Value switch
        {
            "天" or "日" => DateUnit.Day,
            "周" or "星期" or "礼拜" => DateUnit.Week,
            "月" => DateUnit.Month,
            _ => DateUnit.Year,
        };
        return DatePatterns.Ago(today, count, unit);
    }

    private static DateTimeResolution? RecognizeYearMonthDay(string text, DateOnly today)
    {
        // Every part of the pattern is optional, so skip the empty matches between characters.
        var match = YearMonthDay().Matches(text).FirstOrDefault(m => m.Groups["year"].Success || m.Groups["month"].Success);
        if (match is null)
        {
            return null;
        }

        var year = Value(match.Groups["year"]);
        var month = Value(match.Groups["month"]);
        var day = Value(match.Groups["day"]);
        if (year is { } y)
        {
            if (month is not { } m)
            {
                return y >= DatePatterns.MinYear && y <= today.Year + 1 ? DateTimeResolution.ForYear(y) : null;
            }

            if (day is { } d)
            {
                return DatePatterns.TryDay(y, m, d, out var date) ? DateTimeResolution.ForDay(date) : null;
            }

            return DatePatterns.IsMonth(y, m) ? DateTimeResolution.ForMonth(y, m) : null;
        }

        if (month is { } monthOnly and >= 1 and <= 12)
        {
            return day is { } dayOnly ? DatePatterns.PastDay(today, monthOnly, dayOnly) : DatePatterns.PastMonth(today, monthOnly);
        }

        return null;
    }

    private static int? Value(Group group) =>
        group.Success && ChineseNumbers.Recognize(group.Value) is { } value && value is >= 0 and <= 9999 && decimal.Truncate(value) == value ? (int)value : null;

    [GeneratedRegex("(?<count>" + Number + @")\s*个?\s*(?<unit>天|日|周|星期|礼拜|月|年)\s*(?:以前|之前|前)")]
    private static partial Regex Ago();

    [GeneratedRegex("(?:(?<year>" + Number + @")\s*年)?\s*(?:(?<month>" + Number + @")\s*月)?\s*(?:(?<day>" + Number + @")\s*[日号])?")]
    private static partial Regex YearMonthDay();
}
