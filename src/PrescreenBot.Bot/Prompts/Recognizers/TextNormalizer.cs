using System.Globalization;
using System.Text;

namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>Brings user text to one comparable form: width-folded (NFKC), lower case, apostrophes dropped, punctuation to spaces.</summary>
public static class TextNormalizer
{
    /// <summary>"Don’t KNOW!!" → "dont know"; a message of only question marks ("？") → "?"; keeps letters, digits and '.', '-', '/', ':', '%' inside text.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (folded.Trim().All(c => c == '?'))
        {
            return "?";
        }

        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (c is '\'' or '’' or '‘' or '`' or '´')
            {
                continue;
            }

            var keep = char.IsLetterOrDigit(c) || c is '.' or '-' or '/' or ':' or '%';
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

        return builder.ToString().Trim('.', '-', '/', ':', ' ');
    }

    /// <summary>Splits normalized text into words (on spaces and hyphens).</summary>
    public static string[] Words(string normalized) =>
        normalized.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool ContainsWords(string text, string phrase)
    {
        var index = 0;
        while ((index = text.IndexOf(phrase, index, StringComparison.Ordinal)) >= 0)
        {
            var startOk = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + phrase.Length;
            var endOk = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk)
            {
                return true;
            }

            index++;
        }

        return false;
    }

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
