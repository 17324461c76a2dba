using PrescreenBot.Trials;
using PrescreenBot.Trials.Eligibility;

namespace PrescreenBot.Conversation.Screening;

/// <summary>Where every candidate trial stands after the answers so far.</summary>
public sealed record ScreeningSnapshot
{
    /// <summary>The trials being screened for, recruiting first.</summary>
    public required IReadOnlyList<TrialQuestionSet> Candidates { get; init; }

    /// <summary>One evaluation per candidate, in the same order.</summary>
    public required IReadOnlyList<TrialEvaluation> Evaluations { get; init; }

    /// <summary>Open question keys across the trials still possible, best first.</summary>
    public required IReadOnlyList<string> RankedKeys { get; init; }

    public IEnumerable<TrialQuestionSet> StillPossible =>
        Candidates.Where((_, i) => Evaluations[i].IsStillPossible);

    public int StillPossibleCount => Evaluations.Count(e => e.IsStillPossible);

    public TrialEvaluation EvaluationOf(string trialId) =>
        Evaluations.First(e => string.Equals(e.TrialId, trialId, StringComparison.OrdinalIgnoreCase));
}
