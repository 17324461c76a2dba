using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Flags;

/// <summary>
/// Medical terms known to come out garbled from machine translation or copy-paste, with what they most likely
/// mean. A match flags the criterion for a coordinator; the text itself is never rewritten.
/// </summary>
internal static partial class GarbledTerms
{
    private static readonly (Regex Pattern, string Meaning)[] Known =
    [
        (AsparagusTransase(), "aspartate aminotransferase (AST): the Chinese name of aspartate (天门冬) was translated as the plant"),
        (SelfCleaning(), "lymphodepletion (清淋, 'clearing lymphocytes') before the cell infusion"),
        (HormoneForSteroid(), "glucocorticoid (激素 means both 'hormone' and 'steroid')"),
        (Beliumab(), "belimumab"),
        (Steriod(), "steroid"),
        (LostExponent(), "×10^9/L (the exponent was lost)"),
        (HypertensiveDrugs(), "vasopressors (drugs that RAISE blood pressure), not antihypertensives"),
    ];

    public static IEnumerable<(string Found, string Meaning)> Find(string text)
    {
        foreach (var (pattern, meaning) in Known)
        {
            var m = pattern.Match(text);
            if (m.Success)
            {
                yield return (m.Value, meaning);
            }
        }
    }

    [GeneratedRegex(@"asparagus\s+cochinchinensis\s*\w*", RegexOptions.IgnoreCase)]
    private static partial Regex AsparagusTransase();

    [GeneratedRegex(@"self-cleaning", RegexOptions.IgnoreCase)]
    private static partial Regex SelfCleaning();

    [GeneratedRegex(@"hormone\s+(?:therapy|treatment)(?=[^.;]*(?:prednisone|steroid|mg))|(?<=prednisone[^.;]*)(?:equivalent\s+)?hormone\s+(?:therapy|treatment)", RegexOptions.IgnoreCase)]
    private static partial Regex HormoneForSteroid();

    [GeneratedRegex(@"\bBeliumab\b", RegexOptions.IgnoreCase)]
    private static partial Regex Beliumab();

    [GeneratedRegex(@"\bsteriods?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Steriod();

    [GeneratedRegex(@"\d+\s*[x×]\s*109\s*/\s*L")]
    private static partial Regex LostExponent();

    [GeneratedRegex(@"need\w*\s+hypertensive\s+drugs", RegexOptions.IgnoreCase)]
    private static partial Regex HypertensiveDrugs();
}
