using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>Language-neutral date forms (ISO dates, "03/2024") and the arithmetic all languages share.</summary>
public static partial class DatePatterns
{
    /// <summary>Earliest year accepted: nobody alive was diagnosed before it.</summary>
    public const int MinYear = 1900;

    /// <summary>"2024-03-01", "2024/3/1", "2024-03", "3/2024"; null when none.</summary>
    public static DateTimeResolution? RecognizeNumeric(string normalized)
    {
        var match = IsoDay().Match(normalized);
        if (match.Success && TryDay(Int(match.Groups["y"].Value), Int(match.Groups["m"].Value), Int(match.Groups["d"].Value), out var day))
        {
            return DateTimeResolution.ForDay(day);
        }

        match = IsoMonth().Match(normalized);
        if (match.Success && IsMonth(Int(match.Groups["y"].Value), Int(match.Groups["m"].Value)))
        {
            return DateTimeResolution.ForMonth(Int(match.Groups["y"].Value), Int(match.Groups["m"].Value));
        }

        match = MonthSlashYear().Match(normalized);
        if (match.Success && IsMonth(Int(match.Groups["y"].Value), Int(match.Groups["m"].Value)))
        {
            return DateTimeResolution.ForMonth(Int(match.Groups["y"].Value), Int(match.Groups["m"].Value));
        }

        return null;
    }

    /// <summary>A bare year ("2019") within <see cref="MinYear"/>..next year.</summary>
    public static DateTimeResolution? RecognizeYear(string normalized, DateOnly today)
    {
        var match = Year().Match(normalized);
        return match.Success && Int(match.Value) is var year && year >= MinYear && year <= today.Year + 1 ? DateTimeResolution.ForYear(year) : null;
    }

    /// <summary><paramref name="count"/> units before <paramref name="today"/>: days and weeks give a day, months a day, years a day.</summary>
    public static DateTimeResolution? Ago(DateOnly today, decimal count, DateUnit unit)
    {
        if (count < 0 || count > 200)
        {
            return null;
        }

        var n = (int)count;
        try
        {
            return unit switch
            {
                DateUnit.Day => DateTimeResolution.ForDay(today.AddDays(-n)),
                DateUnit.Week => DateTimeResolution.ForDay(today.AddDays(-7 * n)),
                DateUnit.Month => DateTimeResolution.ForDay(today.AddMonths(-n)),
                DateUnit.Year => DateTimeResolution.ForDay(today.AddYears(-n)),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A month (1-12) without a year: the most recent one not after today.</summary>
    public static DateTimeResolution PastMonth(DateOnly today, int month) =>
        DateTimeResolution.ForMonth(month <= today.Month ? today.Year : today.Year - 1, month);

    /// <summary>A day of a month without a year: the most recent one not after today; null if it does not exist.</summary>
    public static DateTimeResolution? PastDay(DateOnly today, int month, int day)
    {
        if (TryDay(today.Year, month, day, out var thisYear) && thisYear <= today)
        {
            return DateTimeResolution.ForDay(thisYear);
        }

        return TryDay(today.Year - 1, month, day, out var lastYear) ? DateTimeResolution.ForDay(lastYear) : null;
    }

    public static bool TryDay(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < MinYear || year > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static bool IsMonth(int year, int month) => year is >= MinYear and <= 9999 && month is >= 1 and <= 12;

    private static int Int(string digits) => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})(?![\d/.-])")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"(?<![\d/.-])(?<m>\d{1,2})[-/.](?<y>\d{4})(?!\d)")]
    private static partial Regex MonthSlashYear();

    [GeneratedRegex(@"(?<![\d.,/-])(19|20)\d{2}(?![\d.,/-])")]
    private static partial Regex Year();
}

/// <summary>Units of relative dates ("2 weeks ago").</summary>
public enum DateUnit
{
    Day,
    Week,
    Month,
    Year,
}
