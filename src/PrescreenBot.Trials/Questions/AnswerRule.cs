using System.Globalization;

namespace PrescreenBot.Trials.Questions;

/// <summary>
/// Which answer counts against a criterion. Exactly one form is used, by answer type:
/// yes/no (<see cref="YesNo"/>), a number range (<see cref="Min"/>/<see cref="Max"/>, outside = disqualifying),
/// or allowed choices (<see cref="AllowedChoices"/>, none of them chosen = disqualifying).
/// </summary>
public sealed record AnswerRule
{
    /// <summary>For yes/no questions: the disqualifying answer, <c>true</c> = "yes", <c>false</c> = "no".</summary>
    public bool? YesNo { get; init; }

    /// <summary>Lowest allowed number (inclusive), in the question's unit.</summary>
    public double? Min { get; init; }

    /// <summary>Highest allowed number (inclusive), in the question's unit.</summary>
    public double? Max { get; init; }

    /// <summary>Allowed choices; the answer disqualifies when it names none of them.</summary>
    public IReadOnlyList<string> AllowedChoices { get; init; } = [];

    /// <summary>"yes" disqualifies.</summary>
    public static AnswerRule WhenYes { get; } = new() { YesNo = true };

    /// <summary>"no" disqualifies.</summary>
    public static AnswerRule WhenNo { get; } = new() { YesNo = false };

    public static AnswerRule OutsideRange(double? min, double? max) => new() { Min = min, Max = max };

    public static AnswerRule NoneOf(IEnumerable<string> allowed) => new() { AllowedChoices = [.. allowed] };

    /// <summary>The rule in a few words: "yes", "no", "&lt;18 or &gt;65", "not one of: sle, ra".</summary>
    public string Describe()
    {
        if (YesNo is { } yes)
        {
            return yes ? "yes" : "no";
        }

        if (AllowedChoices.Count > 0)
        {
            return "not one of: " + string.Join(", ", AllowedChoices);
        }

        var parts = new List<string>(2);
        if (Min is { } min)
        {
            parts.Add("<" + min.ToString(CultureInfo.InvariantCulture));
        }

        if (Max is { } max)
        {
            parts.Add(">" + max.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "none" : string.Join(" or ", parts);
    }
}
