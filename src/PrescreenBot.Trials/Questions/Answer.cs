namespace PrescreenBot.Trials.Questions;

/// <summary>
/// A patient's answer to one question key. "Not sure" is always allowed and never excludes.
/// </summary>
public sealed record Answer
{
    public AnswerKind Kind { get; init; }

    /// <summary>For <see cref="AnswerKind.Number"/>.</summary>
    public double? Number { get; init; }

    /// <summary>Unit of <see cref="Number"/>: "years", "months", "weeks" or "days" (age may be given in months for a child).</summary>
    public string? Unit { get; init; }

    /// <summary>For <see cref="AnswerKind.Choice"/>: the chosen keys (several allowed).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For <see cref="AnswerKind.Date"/>: when the thing last happened.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>
    /// For yes/no answers to a time-windowed question: the window the question covered, in days
    /// (yes = it happened in the last N days; no = it did not). Null means "ever" (no = never; yes = at some time).
    /// </summary>
    public int? WithinDays { get; init; }

    /// <summary>Set when the answer was implied by another answer (<see cref="ImpliedAnswers"/>), naming that key.</summary>
    public string? ImpliedBy { get; init; }

    public static Answer Yes(int? withinDays = null) => new() { Kind = AnswerKind.Yes, WithinDays = withinDays };

    public static Answer No(int? withinDays = null) => new() { Kind = AnswerKind.No, WithinDays = withinDays };

    public static Answer NotSure { get; } = new() { Kind = AnswerKind.NotSure };

    public static Answer Years(double years) => new() { Kind = AnswerKind.Number, Number = years, Unit = Units.Years };

    public static Answer Quantity(double value, string unit) => new() { Kind = AnswerKind.Number, Number = value, Unit = unit };

    public static Answer Chosen(params string[] choices) => new() { Kind = AnswerKind.Choice, Choices = choices };

    public static Answer On(DateOnly date) => new() { Kind = AnswerKind.Date, Date = date };
}

/// <summary>The kind of an <see cref="Answer"/>.</summary>
public enum AnswerKind
{
    Yes,
    No,
    NotSure,
    Number,
    Choice,
    Date,
}

/// <summary>Units of number answers.</summary>
public static class Units
{
    public const string Years = "years";
    public const string Months = "months";
    public const string Weeks = "weeks";
    public const string Days = "days";

    /// <summary>Converts a quantity to years; null for an unknown unit.</summary>
    public static double? ToYears(double value, string? unit) => unit?.ToLowerInvariant() switch
    {
        null or "" or Years or "year" or "y" => value,
        Months or "month" or "m" => value / 12.0,
        Weeks or "week" or "w" => value * 7 / 365.25,
        Days or "day" or "d" => value / 365.25,
        _ => null,
    };

    /// <summary>Converts a quantity to months; null for an unknown unit.</summary>
    public static double? ToMonths(double value, string? unit) => ToYears(value, unit) * 12.0;
}
