using PrescreenBot.Trials.Eligibility;

namespace PrescreenBot.Trials.UnitTests.Eligibility;

public sealed class EligibilityEvaluatorCanRuleOutTests
{
    public static TheoryData<string> Trials => [Seeds.Nct07339332, Seeds.Zhejiang, Seeds.Nct07161193, Seeds.Nct06316791, Seeds.Nct07318259];

    /// <summary>The rule spelled out over the whole set, as the conversation used to compute it for every key.</summary>
    private static bool ByDefinition(TrialQuestionSet set, string key) =>
        set.Criteria.Any(c => c.AnswerableBy == AnswerableBy.Patient
            && !set.OpenFlagsOn(c.Id).Any(f => FlagCodes.BlocksExclusion(f.Code))
            && c.Questions.Any(q => q.Decisive && string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase)));

    [Theory]
    [MemberData(nameof(Trials))]
    public void CanRuleOut_EveryKeyOfASeedTrial_AgreesWithTheDefinition(string file)
    {
        var set = Seeds.Derive(file);
        var keys = set.QuestionKeys.Concat(["no-such-key"]).ToList();

        keys.Select(k => EligibilityEvaluator.CanRuleOut(set, k)).Should().Equal(keys.Select(k => ByDefinition(set, k)));
        keys.Should().Contain(k => EligibilityEvaluator.CanRuleOut(set, k), "every seed trial has a question that can rule out");
    }

    [Fact]
    public void CanRuleOut_KeyCasing_IsIgnored()
    {
        var set = Seeds.Derive(Seeds.Zhejiang);
        var key = set.QuestionKeys.First(k => EligibilityEvaluator.CanRuleOut(set, k));

        EligibilityEvaluator.CanRuleOut(set, key.ToUpperInvariant()).Should().BeTrue();
    }

    [Fact]
    public void CanRuleOut_CriterionGetsABlockingFlag_NewSetNoLongerRulesOutOnIt()
    {
        var set = Seeds.Derive(Seeds.Zhejiang);
        var key = set.QuestionKeys.First(k => EligibilityEvaluator.CanRuleOut(set, k));
        var flags = set.Criteria
            .Where(c => c.Questions.Any(q => string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase)))
            .Select(c => new Flag { Code = FlagCodes.DoubleNegative, Message = "needs a look", CriterionId = c.Id });
        var flagged = set with { Flags = [.. set.Flags, .. flags] };

        EligibilityEvaluator.CanRuleOut(flagged, key).Should().BeFalse();
        EligibilityEvaluator.CanRuleOut(set, key).Should().BeTrue("the original set is unchanged");
    }
}
