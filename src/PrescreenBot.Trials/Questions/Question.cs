namespace PrescreenBot.Trials.Questions;

/// <summary>
/// One patient question of one criterion: a single fact, identified by a canonical <see cref="Key"/> shared across
/// trials (<see cref="QuestionKeys"/>), so a conversation asks each key once for all candidate trials.
/// </summary>
public sealed record Question
{
    /// <summary>Canonical cross-trial key (<see cref="QuestionKeys"/>).</summary>
    public required string Key { get; init; }

    public AnswerType AnswerType { get; init; } = AnswerType.YesNo;

    /// <summary>The question as asked of the patient, plain words with the medical term in parentheses.</summary>
    public required LocalizedText Text { get; init; }

    /// <summary>The question as asked of a parent or guardian answering for a child; null = same as <see cref="Text"/>.</summary>
    public LocalizedText? GuardianText { get; init; }

    /// <summary>Unit of a <see cref="AnswerType.Number"/> answer ("years", "months").</summary>
    public string? Unit { get; init; }

    /// <summary>Choice keys of a <see cref="AnswerType.Choice"/> question (for <c>condition</c>: <see cref="ConditionKeys"/>).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Which answer counts against the criterion.</summary>
    public required AnswerRule Disqualifying { get; init; }

    /// <summary>
    /// The time window the fact is asked about ("in the last 4 weeks" = 28), null for "ever".
    /// Answers carry the window they covered (<see cref="Answer.WithinDays"/>) so one answer serves trials with other windows.
    /// </summary>
    public int? WindowDays { get; init; }

    /// <summary>
    /// False when a disqualifying answer is not enough to exclude (the criterion adds investigator judgment or exceptions):
    /// such an answer leads to site review, never to "not eligible".
    /// </summary>
    public bool Decisive { get; init; } = true;

    /// <summary>Ask with care (HIV, sexually transmitted infections, mental health, pregnancy).</summary>
    public bool Sensitive { get; init; }

    /// <summary>A "yes" discloses a self-harm risk: the conversation shows crisis resources and pauses screening.</summary>
    public bool SelfHarmRisk { get; init; }
}
