using System.Globalization;
using System.Text;

namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>Brings user text to one comparable form: width-folded (NFKC), lower case, apostrophes dropped, punctuation to spaces.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Longest text looked at: answers are short, and a bound keeps every recognizer's work (regexes, edit distances)
    /// small whatever a client sends.
    /// </summary>
    public const int MaxTextLength = 1000;

    /// <summary>"Don’t KNOW!!" → "dont know"; a message of only question marks ("？") → "?"; keeps letters, digits and '.', '-', '/', ':', '%' inside text.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var folded = Fold(text).ToLowerInvariant();
        if (folded.Trim().All(c => c == '?'))
        {
            return "?";
        }

        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c is '\'' or '’' or '‘' or '`' or '´')
            {
                continue;
            }

            // A comma between digits groups thousands ("1,200"); elsewhere it is punctuation.
            var digitComma = c == ',' && i > 0 && char.IsAsciiDigit(folded[i - 1]) && i + 1 < folded.Length && char.IsAsciiDigit(folded[i + 1]);
            var keep = char.IsLetterOrDigit(c) || char.IsNumber(c) || c is '.' or '-' or '/' or ':' or '%' || digitComma;
            if (!keep || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return TrimSymbols(builder.ToString());
    }

    /// <summary>Width-folds (NFKC); text with broken surrogate pairs cannot be normalized and is used as it is.</summary>
    private static string Fold(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>Drops symbols at the ends, except a sign or point that starts a number ("-3", ".5").</summary>
    private static string TrimSymbols(string text)
    {
        var start = 0;
        while (start < text.Length && text[start] is '.' or '-' or '/' or ':' or ' ' &&
               !(text[start] is '-' or '.' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && text[end - 1] is '.' or '-' or '/' or ':' or ' ')
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Splits normalized text into words (on spaces and hyphens).</summary>
    public static string[] Words(string normalized) =>
        normalized.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool ContainsWords(string text, string phrase) => IndexOfWords(text, phrase) >= 0;

    /// <summary>Position of the first whole-word occurrence of <paramref name="phrase"/>, or -1.</summary>
    public static int IndexOfWords(string text, string phrase)
    {
        var index = 0;
        while ((index = text.IndexOf(phrase, index, StringComparison.Ordinal)) >= 0)
        {
            var startOk = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + phrase.Length;
            var endOk = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk)
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    /// <summary>True for CJK ideographs (Chinese has no spaces between words, so matching is by substring).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '〇';

    internal static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
