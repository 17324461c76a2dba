using System.Runtime.CompilerServices;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.Eligibility;

/// <summary>
/// What the evaluator needs to know about each criterion of a set that does not depend on the answers: its open flags
/// and its reason text. Worked out once per <see cref="TrialQuestionSet"/> instance (sets are immutable records; a
/// changed set is a new instance) instead of on every answer, where scanning every flag for every criterion and
/// composing fallback reasons made up most of an evaluation's time and allocations.
/// </summary>
internal sealed class CriterionFacts
{
    private static readonly ConditionalWeakTable<TrialQuestionSet, CriterionFacts> Cache = [];

    private readonly TrialQuestionSet _set;
    private readonly Dictionary<Criterion, Facts> _byCriterion = new(ReferenceEqualityComparer.Instance);

    private CriterionFacts(TrialQuestionSet set)
    {
        _set = set;
        var decisive = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var criterion in set.Criteria)
        {
            var facts = WorkOut(criterion);
            _byCriterion.TryAdd(criterion, facts);
            if (criterion.AnswerableBy == AnswerableBy.Patient && !facts.FlagBlocksExclusion)
            {
                decisive.UnionWith(criterion.Questions.Where(q => q.Decisive).Select(q => q.Key));
            }
        }

        KeysThatCanRuleOut = decisive;
    }

    public static CriterionFacts For(TrialQuestionSet set) => Cache.GetValue(set, static s => new CriterionFacts(s));

    /// <summary>Question keys some answer to which can rule the patient out (patient criterion, decisive, unflagged).</summary>
    public IReadOnlySet<string> KeysThatCanRuleOut { get; }

    /// <summary>The criterion has an unresolved flag.</summary>
    public bool HasOpenFlag(Criterion criterion) => Get(criterion).HasOpenFlag;

    /// <summary>An unresolved flag on the criterion forbids excluding on it.</summary>
    public bool FlagBlocksExclusion(Criterion criterion) => Get(criterion).FlagBlocksExclusion;

    /// <summary>The reviewed reason, or the study's own words when there is none.</summary>
    public LocalizedText Reason(Criterion criterion) => Get(criterion).Reason;

    // A criterion that is not one of the set's own instances is worked out on the spot rather than refused.
    private Facts Get(Criterion criterion) => _byCriterion.TryGetValue(criterion, out var facts) ? facts : WorkOut(criterion);

    private Facts WorkOut(Criterion criterion)
    {
        var open = _set.OpenFlagsOn(criterion.Id).ToList();
        return new Facts(
            HasOpenFlag: open.Count > 0,
            FlagBlocksExclusion: open.Exists(f => FlagCodes.BlocksExclusion(f.Code)),
            Reason: criterion.Reason ?? FallbackReason(criterion));
    }

    /// <summary>When a criterion has no reviewed reason, the study's own words (English) stand in.</summary>
    private static LocalizedText FallbackReason(Criterion criterion) => criterion.Kind == CriterionKind.Inclusion
        ? new($"The study requires: {criterion.Text}", $"本研究要求：{criterion.Text}")
        : new($"The study does not admit: {criterion.Text}", $"本研究不接受：{criterion.Text}");

    private readonly record struct Facts(bool HasOpenFlag, bool FlagBlocksExclusion, LocalizedText Reason);
}
