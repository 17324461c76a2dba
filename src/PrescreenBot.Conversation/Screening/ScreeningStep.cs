using PrescreenBot.Conversation.Flow;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Screening;

/// <summary>
/// The next thing to ask: one question, or a checklist of several yes/no questions (<see cref="Checklist"/> set) that one "no"
/// answers all at once. <see cref="Number"/>, <see cref="AboutTotal"/> and <see cref="StillPossible"/> make the progress line.
/// </summary>
public sealed record ScreeningStep
{
    public required string StepId { get; init; }

    public required IReadOnlyList<SharedQuestion> Questions { get; init; }

    /// <summary>The checklist name (<see cref="Checklists"/> of <c>PrescreenBot.Trials</c>), or null for a single question.</summary>
    public string? Checklist { get; init; }

    public SharedQuestion Question => Questions[0];

    public required int Number { get; init; }

    public required int AboutTotal { get; init; }

    public required int StillPossible { get; init; }

    public static string KeyStepId(string key) => StepIds.KeyPrefix + key;

    public static string ChecklistStepId(string checklist) => StepIds.GroupPrefix + checklist;
}
