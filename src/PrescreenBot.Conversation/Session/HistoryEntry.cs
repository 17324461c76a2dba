namespace PrescreenBot.Conversation.Session;

/// <summary>One answered step: what it set, so "back" can clear exactly that.</summary>
public sealed record HistoryEntry
{
    public required string StepId { get; init; }

    /// <summary>Answer keys the step set.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>True when the step counted towards <see cref="PrescreenSession.QuestionsAsked"/>.</summary>
    public bool Counted { get; init; }
}
