using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Import;

/// <summary>Parsers for the small facts pages write in many ways (ages, phases, dates, ids).</summary>
internal static partial class FactParsers
{
    [GeneratedRegex(@"\bNCT\d{8}\b", RegexOptions.IgnoreCase)]
    public static partial Regex NctId();

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    public static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(years?|months?|weeks?|days?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryAge();

    [GeneratedRegex(@"^\s*(?:(?:between\s+)?(\d+)\s*(?:-|–|to|and)\s*(\d+)\s*(?:years?|yrs?)(?:\s*old)?|(\d+)\s*(?:\+|years?\s*(?:old\s*)?(?:and|or)\s*(?:older|over|above))\s*(?:years?)?(?:\s*old)?|(?:up to|under|≤|<=)\s*(\d+)\s*years?(?:\s*old)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageAgeRange();

    [GeneratedRegex(@"^\s*(\d[\d,]*)\s*(?:estimated\s+)?(?:participants|patients|subjects|people)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Enrollment();

    [GeneratedRegex(@"^\s*(EARLY_PHASE1|PHASE[1-4](?:/PHASE[1-4])?|NA|N/A)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryPhase();

    [GeneratedRegex(@"^\s*(early\s+)?phase\s*([1-4]|i{1,3}|iv)(?:\s*(?:/|and|-)\s*(?:phase\s*)?([1-4]|i{1,3}|iv))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PagePhase();

    public static string? FindNctId(string text) => NctId().Match(text) is { Success: true } m ? m.Value.ToUpperInvariant() : null;

    /// <summary>"18 Years" → 18, "6 Months" → 0.5; null when the line is not an age.</summary>
    public static double? RegistryAgeYears(string line)
    {
        var m = RegistryAge().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return Questions.Units.ToYears(value, m.Groups[2].Value.ToLowerInvariant().TrimEnd('s') + "s");
    }

    /// <summary>"5+ years old", "18 years and older", "18-65 years", "Up to 17 years" → (min, max); null when not an age line.</summary>
    public static (double? Min, double? Max)? PageAgeRangeYears(string line)
    {
        var m = PageAgeRange().Match(line);
        if (!m.Success)
        {
            return null;
        }

        static double? N(Group g) => g.Success ? double.Parse(g.Value, CultureInfo.InvariantCulture) : null;
        if (m.Groups[1].Success)
        {
            return (N(m.Groups[1]), N(m.Groups[2]));
        }

        return m.Groups[3].Success ? (N(m.Groups[3]), null) : (null, N(m.Groups[4]));
    }

    public static int? EnrollmentCount(string line)
    {
        var m = Enrollment().Match(line);
        return m.Success && int.TryParse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    /// <summary>"PHASE1/PHASE2" or "Phase 1" → registry vocabulary; null when the line is not a phase.</summary>
    public static string? Phase(string line)
    {
        var r = RegistryPhase().Match(line);
        if (r.Success)
        {
            var v = r.Groups[1].Value.ToUpperInvariant();
            return v == "N/A" ? "NA" : v;
        }

        var p = PagePhase().Match(line);
        if (!p.Success)
        {
            return null;
        }

        static string Roman(string s) => s.ToUpperInvariant() switch
        {
            "I" => "1",
            "II" => "2",
            "III" => "3",
            "IV" => "4",
            var d => d,
        };
        var first = (p.Groups[1].Success ? "EARLY_PHASE" : "PHASE") + Roman(p.Groups[2].Value);
        return p.Groups[3].Success ? $"{first}/PHASE{Roman(p.Groups[3].Value)}" : first;
    }

    public static string? Sex(string line) => line.Trim().ToUpperInvariant() switch
    {
        "ALL" or "BOTH" or "ALL SEXES" => Sexes.All,
        "FEMALE" or "FEMALES" or "WOMEN" => Sexes.Female,
        "MALE" or "MALES" or "MEN" => Sexes.Male,
        _ => null,
    };

    public static DateOnly? IsoDate(string line) =>
        DateOnly.TryParseExact(line.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateOnly.TryParseExact(line.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m
        : null;

    public static DateOnly? LongDate(string line) =>
        DateOnly.TryParseExact(line.Trim(), ["d MMMM yyyy", "MMMM d, yyyy", "MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
}
