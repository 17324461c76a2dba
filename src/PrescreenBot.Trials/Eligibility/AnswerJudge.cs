using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Eligibility;

/// <summary>How one answer stands against one question's rule.</summary>
internal enum AnswerStanding
{
    Favourable,
    Disqualifying,
    NotSure,
    NotAnswered,
    Unclear,
}

/// <summary>Judges a single answer against a single question (pure).</summary>
internal static class AnswerJudge
{
    public static AnswerStanding Judge(Question question, Answer? answer, DateOnly? today)
    {
        if (answer is null)
        {
            return AnswerStanding.NotAnswered;
        }

        if (answer.Kind == AnswerKind.NotSure)
        {
            return AnswerStanding.NotSure;
        }

        return question.AnswerType switch
        {
            AnswerType.Number => JudgeNumber(question, answer),
            AnswerType.Choice => JudgeChoice(question, answer),
            _ => JudgeFact(question, answer, today),
        };
    }

    private static AnswerStanding JudgeFact(Question question, Answer answer, DateOnly? today)
    {
        bool? present = answer.Kind switch
        {
            AnswerKind.Yes or AnswerKind.No => Present(answer.Kind == AnswerKind.Yes, answer.WithinDays, question.WindowDays),
            AnswerKind.Date when today is { } t && answer.Date is { } d => question.WindowDays is not { } w || t.DayNumber - d.DayNumber <= w,
            AnswerKind.Number when answer.Number is { } n && Units.ToYears(n, answer.Unit) is { } years =>
                question.WindowDays is not { } w2 || years * 365.25 <= w2,
            _ => null,
        };

        if (present is not { } p || question.Disqualifying.YesNo is not { } disqualifyingWhenPresent)
        {
            return AnswerStanding.Unclear;
        }

        return p == disqualifyingWhenPresent ? AnswerStanding.Disqualifying : AnswerStanding.Favourable;
    }

    /// <summary>
    /// Whether the fact held within the question's window, from an answer over the answer's window;
    /// null when the two windows do not allow a conclusion.
    /// </summary>
    private static bool? Present(bool yes, int? answerWindow, int? questionWindow)
    {
        if (yes)
        {
            // "Yes within A" proves "yes within W" for any W ≥ A; "yes, at some time" proves only "ever".
            return questionWindow switch
            {
                null => true,

                // A plain "yes" to a present-tense question ("Are you pregnant?") is about right now.
                0 when answerWindow is null => true,
                { } w when answerWindow is { } a && a <= w => true,
                _ => null,
            };
        }

        // "No within A" proves "no within W" for any W ≤ A; "never" proves every window.
        return answerWindow switch
        {
            null => false,
            { } a when questionWindow is { } w && a >= w => false,
            _ => null,
        };
    }

    private static AnswerStanding JudgeNumber(Question question, Answer answer)
    {
        if (answer.Kind != AnswerKind.Number || answer.Number is not { } value)
        {
            return AnswerStanding.Unclear;
        }

        double? inQuestionUnit = question.Unit switch
        {
            Units.Months => Units.ToMonths(value, answer.Unit),
            _ => Units.ToYears(value, answer.Unit),
        };
        if (inQuestionUnit is not { } v)
        {
            return AnswerStanding.Unclear;
        }

        var rule = question.Disqualifying;
        return (rule.Min is { } min && v < min) || (rule.Max is { } max && v >= max + 1)
            ? AnswerStanding.Disqualifying
            : AnswerStanding.Favourable;
    }

    private static AnswerStanding JudgeChoice(Question question, Answer answer)
    {
        if (answer.Kind != AnswerKind.Choice || answer.Choices.Count == 0)
        {
            return AnswerStanding.Unclear;
        }

        var allowed = question.Disqualifying.AllowedChoices;
        if (allowed.Count == 0)
        {
            return AnswerStanding.Favourable;
        }

        var chosen = question.Key == QuestionKeys.Condition ? ConditionKeys.Expand(answer.Choices) : answer.Choices.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return allowed.Any(chosen.Contains) ? AnswerStanding.Favourable : AnswerStanding.Disqualifying;
    }
}
