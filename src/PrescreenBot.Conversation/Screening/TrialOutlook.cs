namespace PrescreenBot.Conversation.Screening;

/// <summary>Where one trial stands after the answers so far, as the planner sees it.</summary>
public sealed record TrialOutlook
{
    public required string TrialId { get; init; }

    /// <summary>False once a definite answer has ruled the trial out.</summary>
    public required bool StillPossible { get; init; }

    /// <summary>Question keys this trial still needs answered, in the trial's own order.</summary>
    public required IReadOnlyList<OpenQuestion> OpenQuestions { get; init; }
}

/// <summary>An unanswered question of one trial; <see cref="CanRuleOut"/> when some answer would make the trial not eligible.</summary>
public sealed record OpenQuestion(string Key, bool CanRuleOut);
