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

        // Checked in place (no set of the chosen keys per judgement: this runs for every choice question on every evaluation).
        var expand = question.Key == QuestionKeys.Condition;
        for (var i = 0; i < allowed.Count; i++)
        {
            if (Chosen(answer.Choices, allowed[i], expand))
            {
                return AnswerStanding.Favourable;
            }
        }

        return AnswerStanding.Disqualifying;
    }

    /// <summary>True when <paramref name="choice"/> was chosen, or (conditions) is implied by a chosen key (<see cref="ConditionKeys.Expand"/>).</summary>
    private static bool Chosen(IReadOnlyList<string> chosen, string choice, bool expand)
    {
        for (var i = 0; i < chosen.Count; i++)
        {
            if (string.Equals(chosen[i], choice, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (expand && ConditionKeys.Implies.TryGetValue(chosen[i], out var implied)
                && Array.Exists(implied, key => string.Equals(key, choice, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
