namespace PrescreenBot.Trials.Questions;

/// <summary>
/// Answers that follow from other answers, so the conversation does not ask them (a man is not asked about
/// pregnancy). Pure; implied answers never override an answer the patient gave.
/// </summary>
public static class ImpliedAnswers
{
    /// <summary>Below this age nobody is asked about pregnancy or breastfeeding.</summary>
    private const double NoPregnancyQuestionsBelowAgeYears = 10;

    /// <summary>
    /// The given answers plus every implied one (each implied answer has <see cref="Answer.ImpliedBy"/> set).
    /// Applied repeatedly until nothing new follows.
    /// </summary>
    public static IReadOnlyDictionary<string, Answer> Complete(IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var all = new Dictionary<string, Answer>(answers, StringComparer.OrdinalIgnoreCase);
        bool added;
        do
        {
            added = false;
            foreach (var (key, answer) in Infer(all))
            {
                if (all.TryAdd(key, answer))
                {
                    added = true;
                }
            }
        }
        while (added);

        return all;
    }

    /// <summary>Only the answers implied by <paramref name="answers"/> that are not among them.</summary>
    public static IReadOnlyDictionary<string, Answer> Implied(IReadOnlyDictionary<string, Answer> answers)
    {
        var complete = Complete(answers);
        return complete.Where(p => !answers.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
    }

    private static IEnumerable<(string Key, Answer Answer)> Infer(IReadOnlyDictionary<string, Answer> a)
    {
        if (a.TryGetValue(QuestionKeys.Sex, out var sex) && sex.Kind == AnswerKind.Choice
            && sex.Choices.Contains("male", StringComparer.OrdinalIgnoreCase))
        {
            yield return (QuestionKeys.Pregnant, Answer.No() with { ImpliedBy = QuestionKeys.Sex });
            yield return (QuestionKeys.Breastfeeding, Answer.No() with { ImpliedBy = QuestionKeys.Sex });
        }

        if (a.TryGetValue(QuestionKeys.Age, out var age) && age.Kind == AnswerKind.Number && age.Number is { } n
            && Units.ToYears(n, age.Unit) is < NoPregnancyQuestionsBelowAgeYears)
        {
            yield return (QuestionKeys.Pregnant, Answer.No() with { ImpliedBy = QuestionKeys.Age });
            yield return (QuestionKeys.Breastfeeding, Answer.No() with { ImpliedBy = QuestionKeys.Age });
        }

        // CAR-T is a gene-modified cell therapy: never having had gene therapy means never CAR-T, and CAR-T means gene therapy.
        if (Is(a, QuestionKeys.PriorGeneTherapy, AnswerKind.No, out var gene))
        {
            yield return (QuestionKeys.PriorCarT, gene with { ImpliedBy = QuestionKeys.PriorGeneTherapy });
        }

        if (Is(a, QuestionKeys.PriorCarT, AnswerKind.Yes, out var carT))
        {
            yield return (QuestionKeys.PriorGeneTherapy, carT with { ImpliedBy = QuestionKeys.PriorCarT });
        }

        // A live vaccine is a vaccine: no vaccine at all means no live vaccine over the same window, and the reverse for yes.
        if (Is(a, QuestionKeys.Vaccine, AnswerKind.No, out var vaccine))
        {
            yield return (QuestionKeys.LiveVaccine, vaccine with { ImpliedBy = QuestionKeys.Vaccine });
        }

        if (Is(a, QuestionKeys.LiveVaccine, AnswerKind.Yes, out var live))
        {
            yield return (QuestionKeys.Vaccine, live with { ImpliedBy = QuestionKeys.LiveVaccine });
        }

        // HIV is an acquired immunodeficiency.
        if (Is(a, QuestionKeys.Hiv, AnswerKind.Yes, out var hiv))
        {
            yield return (QuestionKeys.Immunodeficiency, hiv with { ImpliedBy = QuestionKeys.Hiv });
        }

        // Suicidal behaviour in a window implies suicidal thoughts in it.
        if (Is(a, QuestionKeys.SuicidalBehavior, AnswerKind.Yes, out var behavior))
        {
            yield return (QuestionKeys.SuicidalThoughts, behavior with { ImpliedBy = QuestionKeys.SuicidalBehavior });
        }

        // Lupus affecting the brain is a disease of the central nervous system.
        if (Is(a, QuestionKeys.CnsDisease, AnswerKind.No, out var cns) && cns.WithinDays is null)
        {
            yield return (QuestionKeys.CnsLupus, cns with { ImpliedBy = QuestionKeys.CnsDisease });
        }

        // The condition question names the diagnosis: someone without lupus has had no lupus crisis nor lupus in the brain.
        if (a.TryGetValue(QuestionKeys.Condition, out var condition) && condition.Kind == AnswerKind.Choice
            && condition.Choices.Count > 0
            && !ConditionKeys.Expand(condition.Choices).Contains(ConditionKeys.Sle)
            && !condition.Choices.Contains(ConditionKeys.Other, StringComparer.OrdinalIgnoreCase))
        {
            yield return (QuestionKeys.LupusCrisis, Answer.No() with { ImpliedBy = QuestionKeys.Condition });
            yield return (QuestionKeys.CnsLupus, Answer.No() with { ImpliedBy = QuestionKeys.Condition });
        }
    }

    private static bool Is(IReadOnlyDictionary<string, Answer> a, string key, AnswerKind kind, out Answer answer)
    {
        if (a.TryGetValue(key, out var found) && found.Kind == kind)
        {
            answer = found with { ImpliedBy = null };
            return true;
        }

        answer = Answer.NotSure;
        return false;
    }
}
