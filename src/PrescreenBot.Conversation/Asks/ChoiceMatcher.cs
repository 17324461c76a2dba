using System.Globalization;
using System.Text.RegularExpressions;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Prompts.Recognizers;

namespace PrescreenBot.Conversation.Asks;

/// <summary>Finds which of an <see cref="Ask"/>'s options a typed answer names, in either language.</summary>
public static partial class ChoiceMatcher
{
    /// <summary>An option by its number ("2"), its title, value or synonym, an ordinal ("the first one"), or a word of its title ("lupus").</summary>
    public static string? MatchOne(Ask ask, string text, ILanguageRecognizer[] recognizers)
    {
        if (ask.Options.Count == 0)
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= ask.Options.Count)
        {
            return ask.Options[index - 1].Value;
        }

        if (Exact(ask, normalized) is { } exact)
        {
            return exact.Value;
        }

        foreach (var recognizer in recognizers)
        {
            if (recognizer.RecognizeOrdinal(text) is { } ordinal)
            {
                var position = ordinal == -1 ? ask.Options.Count : ordinal;
                if (position >= 1 && position <= ask.Options.Count)
                {
                    return ask.Options[position - 1].Value;
                }
            }
        }

        // A distinctive part of a title: exactly one option must contain what was typed, or be contained in it.
        var partial = ask.Options
            .Where(o => Names(o).Select(TextNormalizer.Normalize).Any(n => n.Length > 0
                && (ContainsAsWords(n, normalized) || ContainsAsWords(normalized, n))))
            .ToList();
        return partial.Count == 1 ? partial[0].Value : null;
    }

    /// <summary>One option, or several named together ("1, 3", "lupus and RA", "狼疮和类风湿"); null unless every part names an option.</summary>
    public static IReadOnlyList<string>? MatchMany(Ask ask, string text, ILanguageRecognizer[] recognizers)
    {
        if (Exact(ask, TextNormalizer.Normalize(text)) is { } exact)
        {
            return [exact.Value];
        }

        // Split before matching loosely: "RA and gout" must not pass for "RA" alone (gout would be lost). When any part is
        // not understood, nothing is: the patient is asked again.
        var parts = SeparatorPattern().Split(text).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (parts.Count < 2)
        {
            return MatchOne(ask, text, recognizers) is { } single ? [single] : null;
        }

        var values = new List<string>();
        foreach (var part in parts)
        {
            if (MatchOne(ask, part, recognizers) is not { } value)
            {
                return null;
            }

            if (!values.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>True when <paramref name="text"/> is exactly an option's title, value or synonym (not a number or a part of one).</summary>
    public static bool IsOptionName(Ask ask, string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length > 0 && Exact(ask, normalized) is not null;
    }

    private static AskOption? Exact(Ask ask, string normalized) =>
        ask.Options.FirstOrDefault(o => Names(o).Any(n => TextNormalizer.Normalize(n) == normalized));

    private static IEnumerable<string> Names(AskOption option) => [option.Title, option.Value, .. option.Synonyms ?? []];

    /// <summary>Latin text must match whole words ("ra" is not inside "arthritis"); Chinese text has no spaces, so any substring counts.</summary>
    private static bool ContainsAsWords(string text, string part)
    {
        if (part.Length == 0 || !text.Contains(part, StringComparison.Ordinal))
        {
            return false;
        }

        return part.Any(c => c > 0x2E80) || TextNormalizer.ContainsWords(text, part);
    }

    [GeneratedRegex(@"\s*(?:,|，|、|;|；|/|\band\b|\bplus\b|和|以及|及|还有)\s*")]
    private static partial Regex SeparatorPattern();
}
