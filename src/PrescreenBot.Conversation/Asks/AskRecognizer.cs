using System.Globalization;
using System.Text.RegularExpressions;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Conversation.Handoff;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.Asks;

/// <summary>
/// Understands a typed answer to an <see cref="Ask"/>, using the core's language recognizers (yes / no / not sure, numbers,
/// ordinals, dates) in the conversation's language and then in English, since people mix the two. Null means "not understood".
/// </summary>
public static partial class AskRecognizer
{
    /// <summary>Nobody is older; a larger number is a typo.</summary>
    private const decimal MaxNumber = 150;

    /// <summary>Longest free-text answer kept (a city, a country, a language).</summary>
    private const int MaxTextLength = 100;

    public static AskResult? Recognize(Ask ask, string? text, DateOnly today, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var recognizers = Recognizers(ask.Locale);
        if (ask.AllowSkip && IsOneOf(text, [.. Locales.Supported.SelectMany(l => texts.Words(l, "words.skip").Append(texts.Get(l, "choice.skip")))]))
        {
            return AskResult.Skip;
        }

        return ask.Kind switch
        {
            AskKind.YesNo => YesNo(ask, text, recognizers, allowNotSure: false),
            AskKind.YesNoNotSure => YesNo(ask, text, recognizers, allowNotSure: true),
            AskKind.Number => NotSure(ask, text, recognizers) ?? Number(ask, text, recognizers),
            AskKind.Choice => MatchOne(ask, text, recognizers) is { } one ? Chosen(one) : NotSure(ask, text, recognizers),
            AskKind.MultiChoice => MatchMany(ask, text, recognizers) ?? NotSure(ask, text, recognizers),
            AskKind.Date => NotSure(ask, text, recognizers) ?? Date(text, today, recognizers),
            _ => FreeText(ask, text),
        };
    }

    /// <summary>The conversation's language first, then every other one we speak.</summary>
    private static ILanguageRecognizer[] Recognizers(string locale) =>
        [.. new[] { locale }.Concat(Locales.Supported).Select(LanguageRecognizers.ForLocale).Distinct()];

    private static AskResult? YesNo(Ask ask, string text, ILanguageRecognizer[] recognizers, bool allowNotSure)
    {
        // The buttons are Yes, No (, Not sure) in that order: "1", "2", "3" pick them, as numbered options in a console.
        var position = TextNormalizer.Normalize(text) switch { "1" => 1, "2" => 2, "3" when allowNotSure => 3, _ => 0 };
        if (position > 0 && position <= ask.Buttons.Count)
        {
            return position switch { 1 => AskResult.Yes, 2 => AskResult.No, _ => AskResult.NotSure };
        }

        foreach (var recognizer in recognizers)
        {
            switch (recognizer.RecognizeYesNoUnsure(text))
            {
                case YesNoUnsure.Yes:
                    return AskResult.Yes;
                case YesNoUnsure.No:
                    return AskResult.No;
                case YesNoUnsure.NotSure:
                    return allowNotSure ? AskResult.NotSure : null;
            }
        }

        // A button of the question itself ("Continue", "Stop") counts as its option.
        return MatchOne(ask, text, recognizers) is { } option ? Chosen(option) : null;
    }

    private static AskResult? NotSure(Ask ask, string text, ILanguageRecognizer[] recognizers) =>
        ask.AllowNotSure && recognizers.Any(r => r.RecognizeYesNoUnsure(text) == YesNoUnsure.NotSure) ? AskResult.NotSure : null;

    private static AskResult? Number(Ask ask, string text, ILanguageRecognizer[] recognizers)
    {
        decimal? value = null;
        var digits = DigitsPattern().Match(text);
        if (digits.Success && decimal.TryParse(digits.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }

        value ??= recognizers.Select(r => r.RecognizeNumber(text)).FirstOrDefault(n => n is not null);
        if (value is not { } number || number < 0 || number > MaxNumber)
        {
            return null;
        }

        var unit = UnitOf(text) ?? ask.DefaultUnit;
        return unit is null ? null : new AskResult { Kind = AskResultKind.Number, Number = number, Unit = unit };
    }

    /// <summary>The time unit written in an answer ("18 months", "2 年", "3周"), or null when none is.</summary>
    public static string? UnitOf(string text)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        if (MonthsPattern().IsMatch(lower) || lower.Contains("个月", StringComparison.Ordinal) || lower.Contains('月', StringComparison.Ordinal))
        {
            return "months";
        }

        if (WeeksPattern().IsMatch(lower) || lower.Contains('周', StringComparison.Ordinal) || lower.Contains("星期", StringComparison.Ordinal))
        {
            return "weeks";
        }

        if (DaysPattern().IsMatch(lower) || lower.Contains('天', StringComparison.Ordinal))
        {
            return "days";
        }

        return YearsPattern().IsMatch(lower) || lower.Contains('年', StringComparison.Ordinal) || lower.Contains('岁', StringComparison.Ordinal)
            ? "years"
            : null;
    }

    private static AskResult? Date(string text, DateOnly today, ILanguageRecognizer[] recognizers)
    {
        var date = recognizers.Select(r => r.RecognizeDate(text, today)?.Date).FirstOrDefault(d => d is not null);
        return date is null ? null : new AskResult { Kind = AskResultKind.Date, Date = date };
    }

    private static AskResult? FreeText(Ask ask, string text)
    {
        var value = ask.Check switch
        {
            TextCheck.Name => ContactValidation.NormalizeName(text),
            TextCheck.Phone => ContactValidation.NormalizePhone(text),
            TextCheck.Email => ContactValidation.NormalizeEmail(text),
            _ => text.Trim() is { Length: > 0 and <= MaxTextLength } trimmed && trimmed.Any(char.IsLetter) ? trimmed : null,
        };
        return value is null ? null : new AskResult { Kind = AskResultKind.Text, Text = value };
    }

    private static AskResult Chosen(params string[] values) => new() { Kind = AskResultKind.Choice, Choices = values };

    /// <summary>An option by its number ("2"), its title, value or synonym, an ordinal ("the first one"), or a word of its title ("lupus").</summary>
    private static string? MatchOne(Ask ask, string text, ILanguageRecognizer[] recognizers)
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

        var exact = ask.Options.FirstOrDefault(o => Names(o).Any(n => TextNormalizer.Normalize(n) == normalized));
        if (exact is not null)
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

    private static AskResult? MatchMany(Ask ask, string text, ILanguageRecognizer[] recognizers)
    {
        if (MatchOne(ask, text, recognizers) is { } single)
        {
            return Chosen(single);
        }

        var parts = SeparatorPattern().Split(text).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (parts.Count < 2)
        {
            return null;
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

        return Chosen([.. values]);
    }

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

    private static bool IsOneOf(string text, params IEnumerable<string>[] lists)
    {
        var normalized = TextNormalizer.Normalize(text);
        return lists.SelectMany(l => l).Any(w => TextNormalizer.Normalize(w) == normalized);
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"\b(months?|mos?|mths?)\b")]
    private static partial Regex MonthsPattern();

    [GeneratedRegex(@"\b(weeks?|wks?)\b")]
    private static partial Regex WeeksPattern();

    [GeneratedRegex(@"\b(days?)\b")]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"\b(years?|yrs?|y/?o|years? old)\b")]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"\s*(?:,|，|、|;|；|/|\band\b|\bplus\b|和|以及|及|还有)\s*")]
    private static partial Regex SeparatorPattern();
}
