using System.Collections.Concurrent;
using System.Globalization;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Session.Stored;

/// <summary>
/// An <see cref="Answer"/> as a short string for stored state: <c>"yes"</c>, <c>"no"</c> or <c>"?"</c> (not sure), each with
/// <c>@days</c> when the question covered a time window (<c>"no@90"</c>); <c>"34 years"</c> or <c>"18"</c> for a number and its
/// unit; <c>"choice:sle"</c> (several joined by commas); <c>"date:2024-03-01"</c>.
/// </summary>
public static class AnswerText
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>"Not sure": one character, as it is the answer most repeated in a stored conversation.</summary>
    public const string NotSure = "?";

    public const string ChoicePrefix = "choice:";
    public const string DatePrefix = "date:";
    private const char WindowSeparator = '@';
    private const char ChoiceSeparator = ',';
    private const char UnitSeparator = ' ';
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The short form, or null when it would lose something (the caller then writes the answer as an object).</summary>
    public static string? TryFormat(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);

        // Every save writes every answer, and most are the same few values ("no@90", "?"): their checked short forms are kept.
        // Keyed by value; answers with chosen keys are left out (the record compares that list by reference, so they would never hit).
        var cacheable = answer.Choices.Count == 0;
        if (cacheable && Formatted.TryGetValue(answer, out var known))
        {
            return known.Text;
        }

        var text = Format(answer);
        var checkedText = text is not null && TryParse(text, out var back) && SameAnswer(answer, back) ? text : null;
        if (cacheable && Formatted.Count < MaxFormatted)
        {
            Formatted.TryAdd(answer, new FormattedAnswer(checkedText));
        }

        return checkedText;
    }

    /// <summary>Plenty for the distinct answers a deployment sees (yes/no per window, not sure, ages, dates); beyond it answers are formatted each time.</summary>
    private const int MaxFormatted = 4_096;

    private static readonly ConcurrentDictionary<Answer, FormattedAnswer> Formatted = new();

    /// <summary>A short form or null (no short form), so a null can be cached too.</summary>
    private sealed record FormattedAnswer(string? Text);

    /// <summary>Reads a short form written by <see cref="TryFormat"/>; false for anything else.</summary>
    public static bool TryParse(string text, out Answer answer)
    {
        ArgumentNullException.ThrowIfNull(text);
        answer = Answer.NotSure;
        if (text.StartsWith(ChoicePrefix, StringComparison.Ordinal))
        {
            var list = text[ChoicePrefix.Length..];
            answer = Answer.Chosen(list.Length == 0 ? [] : list.Split(ChoiceSeparator));
            return true;
        }

        if (text.StartsWith(DatePrefix, StringComparison.Ordinal))
        {
            if (!DateOnly.TryParseExact(text[DatePrefix.Length..], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return false;
            }

            answer = Answer.On(date);
            return true;
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '.'))
        {
            return TryParseNumber(text, out answer);
        }

        var at = text.IndexOf(WindowSeparator, StringComparison.Ordinal);
        var word = at < 0 ? text : text[..at];
        int? window = null;
        if (at >= 0)
        {
            if (!int.TryParse(text.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            {
                return false;
            }

            window = days;
        }

        AnswerKind? kind = word switch
        {
            Yes => AnswerKind.Yes,
            No => AnswerKind.No,
            NotSure => AnswerKind.NotSure,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        answer = new Answer { Kind = kind.Value, WithinDays = window };
        return true;
    }

    private static string? Format(Answer answer)
    {
        if (answer.ImpliedBy is not null)
        {
            return null;
        }

        var window = answer.WithinDays is { } days ? WindowSeparator + days.ToString(CultureInfo.InvariantCulture) : "";
        return answer.Kind switch
        {
            AnswerKind.Yes => Yes + window,
            AnswerKind.No => No + window,
            AnswerKind.NotSure => NotSure + window,
            AnswerKind.Number when answer.Number is { } number && double.IsFinite(number) =>
                number.ToString("R", CultureInfo.InvariantCulture) + (answer.Unit is null ? "" : UnitSeparator + answer.Unit),
            AnswerKind.Choice when answer.Choices.All(c => c.Length > 0 && !c.Contains(ChoiceSeparator, StringComparison.Ordinal)) =>
                ChoicePrefix + string.Join(ChoiceSeparator, answer.Choices),
            AnswerKind.Date when answer.Date is { } date => DatePrefix + date.ToString(DateFormat, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static bool TryParseNumber(string text, out Answer answer)
    {
        answer = Answer.NotSure;
        var space = text.IndexOf(UnitSeparator, StringComparison.Ordinal);
        var numberPart = space < 0 ? text : text[..space];
        if (!double.TryParse(numberPart, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        answer = new Answer { Kind = AnswerKind.Number, Number = number, Unit = space < 0 ? null : text[(space + 1)..] };
        return true;
    }

    /// <summary>Field by field (a record compares its choice lists by reference).</summary>
    private static bool SameAnswer(Answer a, Answer b) =>
        a.Kind == b.Kind && a.Number == b.Number && a.Unit == b.Unit && a.Date == b.Date && a.WithinDays == b.WithinDays
        && a.ImpliedBy == b.ImpliedBy && a.Choices.SequenceEqual(b.Choices, StringComparer.Ordinal);
}
