namespace PrescreenBot.Trials.Questions;

/// <summary>The kind of answer a question expects. Every question also accepts "not sure".</summary>
public enum AnswerType
{
    /// <summary>Yes / no / not sure.</summary>
    YesNo,

    /// <summary>A number with a unit (<see cref="Question.Unit"/>), e.g. age in years.</summary>
    Number,

    /// <summary>One or more of <see cref="Question.Choices"/> (the condition question lets the patient pick several).</summary>
    Choice,

    /// <summary>A calendar date.</summary>
    Date,
}
