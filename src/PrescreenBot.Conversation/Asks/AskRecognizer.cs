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

        ask = ask.WithWords(texts);
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
            AskKind.Choice => ChoiceMatcher.MatchOne(ask, text, recognizers) is { } one ? Chosen(one) : NotSure(ask, text, recognizers),
            AskKind.MultiChoice => ChoiceMatcher.MatchMany(ask, text, recognizers) is { } many ? Chosen([.. many]) : NotSure(ask, text, recognizers),
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
        return ChoiceMatcher.MatchOne(ask, text, recognizers) is { } option ? Chosen(option) : null;
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

}
