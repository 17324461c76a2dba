using System.Collections.Concurrent;
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
    private readonly int _resultSlots;
    private readonly Dictionary<Criterion, Facts> _byCriterion = new(ReferenceEqualityComparer.Instance);

    /// <summary>The same facts by the criterion's place in the set: the evaluator walks the criteria in order, so no lookup is needed.</summary>
    private readonly Facts[] _byIndex;
    private readonly ConcurrentDictionary<CriterionResult, VerdictReason> _verdictReasons = new(ReferenceEqualityComparer.Instance);

    private CriterionFacts(TrialQuestionSet set)
    {
        _set = set;
        var decisive = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _byIndex = new Facts[set.Criteria.Count];
        for (var i = 0; i < set.Criteria.Count; i++)
        {
            var criterion = set.Criteria[i];
            var facts = WorkOut(criterion);
            _byCriterion.TryAdd(criterion, facts);
            _byIndex[i] = _byCriterion[criterion];
            _resultSlots += facts.Results?.Length ?? 0;
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

    /// <summary>
    /// The criterion's result with <paramref name="outcome"/>, <paramref name="reason"/> and the deciding question at
    /// <paramref name="questionIndex"/> (-1 for none). Results are immutable and depend on nothing else, so each is made
    /// once per set: an evaluation then allocates no result per criterion.
    /// </summary>
    public CriterionResult Result(Criterion criterion, CriterionOutcome outcome, UnknownReason reason = UnknownReason.None, int questionIndex = -1) =>
        Result(Get(criterion), criterion, outcome, reason, questionIndex);

    /// <summary>As <see cref="Result(Criterion, CriterionOutcome, UnknownReason, int)"/> for the criterion at <paramref name="index"/> in the set.</summary>
    public CriterionResult ResultAt(int index, CriterionOutcome outcome, UnknownReason reason = UnknownReason.None, int questionIndex = -1) =>
        Result(_byIndex[index], _set.Criteria[index], outcome, reason, questionIndex);

    /// <summary>As <see cref="FlagBlocksExclusion(Criterion)"/> for the criterion at <paramref name="index"/> in the set.</summary>
    public bool FlagBlocksExclusionAt(int index) => _byIndex[index].FlagBlocksExclusion;

    private static CriterionResult Result(in Facts facts, Criterion criterion, CriterionOutcome outcome, UnknownReason reason, int questionIndex)
    {
        var results = facts.Results;
        var slot = Slot(outcome, reason);
        var index = ((questionIndex + 1) * SlotCount) + slot;
        if (slot < 0 || results is null || index >= results.Length)
        {
            return Make(criterion, outcome, reason, questionIndex);
        }

        // A benign race: two threads may both make the same immutable result; either one is kept.
        return results[index] ??= Make(criterion, outcome, reason, questionIndex);
    }

    /// <summary>The verdict reason naming <paramref name="result"/>'s criterion; made once per result.</summary>
    public VerdictReason VerdictReasonFor(CriterionResult result)
    {
        if (_verdictReasons.TryGetValue(result, out var known))
        {
            return known;
        }

        var made = new VerdictReason(result.Criterion.Id, Reason(result.Criterion), result.Outcome, result.Reason);

        // Bounded by the set's own result slots, so results made outside the cache cannot grow it without limit.
        return _verdictReasons.Count < _resultSlots ? _verdictReasons.GetOrAdd(result, made) : made;
    }

    private const int SlotCount = 10;

    private static int Slot(CriterionOutcome outcome, UnknownReason reason) => (outcome, reason) switch
    {
        (CriterionOutcome.Met, UnknownReason.None) => 0,
        (CriterionOutcome.NotMet, UnknownReason.None) => 1,
        (CriterionOutcome.NotApplicable, UnknownReason.None) => 2,
        (CriterionOutcome.Unknown, UnknownReason.NotAnswered) => 3,
        (CriterionOutcome.Unknown, UnknownReason.NotSure) => 4,
        (CriterionOutcome.Unknown, UnknownReason.Unclear) => 5,
        (CriterionOutcome.Unknown, UnknownReason.NotDecisive) => 6,
        (CriterionOutcome.Unknown, UnknownReason.Flagged) => 7,
        (CriterionOutcome.Unknown, UnknownReason.SiteVerifies) => 8,
        (CriterionOutcome.Unknown, UnknownReason.Administrative) => 9,
        _ => -1,
    };

    private static CriterionResult Make(Criterion criterion, CriterionOutcome outcome, UnknownReason reason, int questionIndex) => new()
    {
        Criterion = criterion,
        Outcome = outcome,
        Reason = reason,
        DecidingKey = questionIndex < 0 ? null : criterion.Questions[questionIndex].Key,
    };

    // A criterion that is not one of the set's own instances is worked out on the spot rather than refused.
    private Facts Get(Criterion criterion) => _byCriterion.TryGetValue(criterion, out var facts) ? facts : WorkOut(criterion);

    private Facts WorkOut(Criterion criterion)
    {
        var open = _set.OpenFlagsOn(criterion.Id).ToList();
        return new Facts(
            HasOpenFlag: open.Count > 0,
            FlagBlocksExclusion: open.Exists(f => FlagCodes.BlocksExclusion(f.Code)),
            Reason: criterion.Reason ?? FallbackReason(criterion),
            Results: new CriterionResult?[(criterion.Questions.Count + 1) * SlotCount]);
    }

    /// <summary>When a criterion has no reviewed reason, the study's own words (English) stand in.</summary>
    private static LocalizedText FallbackReason(Criterion criterion) => criterion.Kind == CriterionKind.Inclusion
        ? new($"The study requires: {criterion.Text}", $"本研究要求：{criterion.Text}")
        : new($"The study does not admit: {criterion.Text}", $"本研究不接受：{criterion.Text}");

    private readonly record struct Facts(bool HasOpenFlag, bool FlagBlocksExclusion, LocalizedText Reason, CriterionResult?[]? Results);
}
