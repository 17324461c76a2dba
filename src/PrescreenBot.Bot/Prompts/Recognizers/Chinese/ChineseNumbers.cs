using System.Globalization;
using System.Text;

namespace PrescreenBot.Bot.Prompts.Recognizers.Chinese;

/// <summary>Chinese numerals: 五, 十二, 三十四, 一百零五, 两千, 三点五, 二〇二四 (digit by digit), and Arabic digits in Chinese text ("72岁").</summary>
internal static class ChineseNumbers
{
    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7,
        ['八'] = 8, ['九'] = 9, ['壹'] = 1, ['贰'] = 2, ['叁'] = 3, ['肆'] = 4, ['伍'] = 5, ['陆'] = 6, ['柒'] = 7, ['捌'] = 8, ['玖'] = 9,
    };

    private static readonly Dictionary<char, int> Units = new()
    {
        ['十'] = 10, ['拾'] = 10, ['百'] = 100, ['佰'] = 100, ['千'] = 1000, ['仟'] = 1000,
    };

    private static readonly Dictionary<char, long> BigUnits = new()
    {
        ['万'] = 10_000, ['亿'] = 100_000_000,
    };

    /// <summary>The first number in the text, Chinese numerals or Arabic digits, whichever comes first.</summary>
    public static decimal? Recognize(string normalized)
    {
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < normalized.Length && char.IsAsciiDigit(normalized[i + 1])))
            {
                return ParseArabic(normalized, i);
            }

            if (IsNumeral(c))
            {
                return ParseNumeral(normalized, i, out _);
            }
        }

        return null;
    }

    /// <summary>第一 → 1, 第3个 → 3, 最后一个 → -1.</summary>
    public static int? RecognizeOrdinal(string normalized)
    {
        if (normalized.Contains("最后", StringComparison.Ordinal))
        {
            return -1;
        }

        var index = normalized.IndexOf('第', StringComparison.Ordinal);
        if (index < 0 || index + 1 >= normalized.Length)
        {
            return null;
        }

        var rest = normalized[(index + 1)..];
        var value = char.IsAsciiDigit(rest[0]) ? ParseArabic(rest, 0) : IsNumeral(rest[0]) ? ParseNumeral(rest, 0, out _) : null;
        return value is { } n && n >= 1 && n <= 1000 && decimal.Truncate(n) == n ? (int)n : null;
    }

    /// <summary>Parses a run of Chinese numerals starting at <paramref name="start"/>; <paramref name="length"/> is how many characters it used.</summary>
    public static decimal? ParseNumeral(string text, int start, out int length)
    {
        var end = start;
        while (end < text.Length && (IsNumeral(text[end]) || (text[end] == '点' && end + 1 < text.Length && Digits.ContainsKey(text[end + 1]))))
        {
            end++;
        }

        length = end - start;
        if (length == 0)
        {
            return null;
        }

        var run = text.AsSpan(start, length);
        var point = run.IndexOf('点');
        var integerPart = point >= 0 ? run[..point] : run;
        decimal? integer = integerPart.Length == 0 ? 0 : ParseInteger(integerPart);
        if (integer is null)
        {
            return null;
        }

        if (point < 0)
        {
            return integer;
        }

        var fraction = new StringBuilder("0.");
        foreach (var c in run[(point + 1)..])
        {
            if (!Digits.TryGetValue(c, out var digit))
            {
                break;
            }

            fraction.Append((char)('0' + digit));
        }

        return integer + decimal.Parse(fraction.ToString(), CultureInfo.InvariantCulture);
    }

    public static bool IsNumeral(char c) => Digits.ContainsKey(c) || Units.ContainsKey(c) || BigUnits.ContainsKey(c);

    private static decimal? ParseInteger(ReadOnlySpan<char> run)
    {
        var hasUnit = false;
        foreach (var c in run)
        {
            hasUnit |= Units.ContainsKey(c) || BigUnits.ContainsKey(c);
        }

        if (!hasUnit)
        {
            // 二〇二四 or 七二: digit by digit.
            if (run.Length > 18)
            {
                return null;
            }

            long value = 0;
            foreach (var c in run)
            {
                value = (value * 10) + Digits[c];
            }

            return value;
        }

        long total = 0;
        long section = 0;
        long number = 0;
        foreach (var c in run)
        {
            if (Digits.TryGetValue(c, out var digit))
            {
                number = digit;
            }
            else if (Units.TryGetValue(c, out var unit))
            {
                section += (number == 0 ? 1 : number) * unit;
                number = 0;
            }
            else if (BigUnits.TryGetValue(c, out var big))
            {
                total = checked(total + ((section + number) * big));
                section = 0;
                number = 0;
                if (total > 1_000_000_000_000)
                {
                    return null;
                }
            }
        }

        return total + section + number;
    }

    private static decimal? ParseArabic(string text, int start)
    {
        var end = start + (text[start] == '-' ? 1 : 0);
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
        {
            end++;
        }

        return decimal.TryParse(text.AsSpan(start, end - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
