using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Bot.Prompts.Recognizers.English;

/// <summary>Numbers in digits ("42", "1,200", "42.5", "-3") and words ("forty-two", "a hundred and five"), and ordinals.</summary>
internal static partial class EnglishNumbers
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["dozen"] = 12,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Scales = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["last"] = -1, ["final"] = -1,
    };

    public static decimal? Recognize(string normalized)
    {
        if (normalized.Length == 0)
        {
            return null;
        }

        var digits = Digits().Match(normalized);
        var words = RecognizeWords(normalized, out var wordsStart);
        if (digits.Success && (words is null || digits.Index <= wordsStart) &&
            decimal.TryParse(digits.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return words;
    }

    public static int? RecognizeOrdinal(string normalized)
    {
        foreach (var word in TextNormalizer.Words(normalized))
        {
            if (Ordinals.TryGetValue(word, out var ordinal))
            {
                return ordinal;
            }

            var match = NumericOrdinal().Match(word);
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }
        }

        return null;
    }

    private static decimal? RecognizeWords(string normalized, out int start)
    {
        start = -1;
        long total = 0;
        long current = 0;
        var started = false;
        var position = 0;
        var words = normalized.Split([' ', '-'], StringSplitOptions.None);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var wordStart = position;
            position += word.Length + 1;
            if (word.Length == 0)
            {
                continue;
            }

            var next = i + 1 < words.Length ? words[i + 1] : string.Empty;
            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
            }
            else if (Scales.TryGetValue(word, out var scale))
            {
                if (scale == 100)
                {
                    current = (current == 0 ? 1 : current) * 100;
                }
                else
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
            }
            else if (word == "a" && !started && (Scales.ContainsKey(next) || next == "dozen"))
            {
                start = wordStart;
                started = true;
                continue;
            }
            else if (word == "and" && started && (Units.ContainsKey(next) || Scales.ContainsKey(next)))
            {
                continue;
            }
            else if (started)
            {
                break;
            }
            else
            {
                continue;
            }

            if (!started)
            {
                start = wordStart;
                started = true;
            }
        }

        return started ? total + current : null;
    }

    [GeneratedRegex(@"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<![\w.])-?\.\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(\d{1,3})(?:st|nd|rd|th)$")]
    private static partial Regex NumericOrdinal();
}
