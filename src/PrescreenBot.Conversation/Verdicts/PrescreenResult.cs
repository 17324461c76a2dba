namespace PrescreenBot.Conversation.Verdicts;

/// <summary>
/// Value of the <c>prescreen/result</c> event: a contract that embedding pages and outside checks rely on. Serialized
/// camelCase: <c>{"verdicts":[{"trialId","verdict","reasons":[criterion ids]}],"questionsAsked":N}</c>.
/// </summary>
public sealed record PrescreenResult(IReadOnlyList<TrialVerdictDto> Verdicts, int QuestionsAsked);

/// <summary>One trial's outcome; <see cref="Verdict"/> is one of <see cref="VerdictNames"/>.</summary>
public sealed record TrialVerdictDto(string TrialId, string Verdict, IReadOnlyList<string> Reasons);

/// <summary>The three verdict strings of the contract.</summary>
public static class VerdictNames
{
    public const string LikelyEligible = "likelyEligible";
    public const string NeedsReview = "needsReview";
    public const string NotEligible = "notEligible";
}
