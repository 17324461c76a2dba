using System.Globalization;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// A recognized date, as Bot Builder's <c>DateTimeResolution</c>: a day has <see cref="Value"/> (<c>2024-03-01</c>);
/// a month or year is a range <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive); <see cref="Timex"/> says
/// which (<c>2024-03-01</c>, <c>2024-03</c>, <c>2024</c>).
/// </summary>
public sealed record DateTimeResolution
{
    public string? Value { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? Timex { get; init; }

    /// <summary>The day, or the first day of the range.</summary>
    [JsonIgnore]
    public DateOnly? Date => (Value ?? Start) is { } text && DateOnly.TryParseExact(text, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static DateTimeResolution ForDay(DateOnly day) =>
        new() { Value = Iso(day), Timex = Iso(day) };

    public static DateTimeResolution ForMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new() { Start = Iso(start), End = Iso(start.AddMonths(1)), Timex = start.ToString("yyyy-MM", CultureInfo.InvariantCulture) };
    }

    public static DateTimeResolution ForYear(int year)
    {
        var start = new DateOnly(year, 1, 1);
        return new() { Start = Iso(start), End = Iso(start.AddYears(1)), Timex = year.ToString("D4", CultureInfo.InvariantCulture) };
    }

    private const string IsoDate = "yyyy-MM-dd";

    private static string Iso(DateOnly day) => day.ToString(IsoDate, CultureInfo.InvariantCulture);
}
