using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Eligibility;

public sealed class EligibilityEvaluatorTests
{
    private static readonly string[] LupusTrials = [Seeds.Nct07339332, Seeds.Zhejiang, Seeds.Nct07161193, Seeds.Nct06316791, Seeds.Nct07318259];

    /// <summary>Every yes/no key answered "no, never"; the rest as given.</summary>
    private static Dictionary<string, Answer> NoToEverything(params (string Key, Answer Answer)[] given)
    {
        var answers = QuestionCatalog.Templates.Values
            .Where(t => t.AnswerType == AnswerType.YesNo && t.Key != QuestionKeys.Refractory)
            .ToDictionary(t => t.Key, _ => Answer.No());
        answers[QuestionKeys.Refractory] = Answer.Yes();
        answers[QuestionKeys.DiagnosisDuration] = Answer.Quantity(3, Units.Years);
        foreach (var (key, answer) in given)
        {
            answers[key] = answer;
        }

        return answers;
    }

    private static TrialEvaluation Evaluate(string file, IReadOnlyDictionary<string, Answer> answers) =>
        EligibilityEvaluator.Evaluate(Seeds.Derive(file), answers);

    [Theory]
    [MemberData(nameof(Trials))]
    public void Evaluate_LupusWoman34WithNoExclusions_IsLikelyEligibleWithSiteChecks(string file)
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(34)), (QuestionKeys.Sex, Answer.Chosen("female")), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)));

        var result = Evaluate(file, answers);

        result.Verdict.Should().NotBe(TrialVerdict.NotEligible);
        result.SiteChecks.Should().NotBeEmpty();
        result.Criteria.Should().NotContain(c => c.Outcome == CriterionOutcome.NotMet);
    }

    [Fact]
    public void Evaluate_LupusWoman34_IsLikelyEligibleForTheLupusOnlyTrials()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(34)), (QuestionKeys.Sex, Answer.Chosen("female")), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)));

        Evaluate(Seeds.Zhejiang, answers).Verdict.Should().Be(TrialVerdict.LikelyEligible);
        Evaluate(Seeds.Nct07318259, answers).Verdict.Should().Be(TrialVerdict.LikelyEligible);
        Evaluate(Seeds.Nct07161193, answers).Cohort.Should().Be("1");
    }

    [Fact]
    public void Evaluate_Aged72_OnlyTrialsWithoutAnUpperAgeLimitRemain()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(72)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)));

        var results = LupusTrials.ToDictionary(f => f, f => Evaluate(f, answers));

        results[Seeds.Nct07339332].Verdict.Should().Be(TrialVerdict.NotEligible);
        results[Seeds.Nct07339332].Reasons.Select(r => r.CriterionId).Should().Contain("age");
        results[Seeds.Nct07161193].Verdict.Should().Be(TrialVerdict.NotEligible);
        results[Seeds.Nct06316791].Verdict.Should().Be(TrialVerdict.NotEligible);
        results[Seeds.Zhejiang].IsStillPossible.Should().BeTrue();
        results[Seeds.Nct07318259].IsStillPossible.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_PriorCarT_ExcludesTheFourTrialsThatSaySoWithThatReason()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(40)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.PriorCarT, Answer.Yes()));

        // Not asked: CAR-T implies gene therapy (ImpliedAnswers), which NCT07161193 excludes outright.
        answers.Remove(QuestionKeys.PriorGeneTherapy);

        foreach (var file in new[] { Seeds.Nct07339332, Seeds.Zhejiang, Seeds.Nct07161193, Seeds.Nct06316791 })
        {
            var result = Evaluate(file, answers);
            result.Verdict.Should().Be(TrialVerdict.NotEligible, file);
            result.Reasons.Should().Contain(r => r.Reason.EnUs.Contains("CAR-T") || r.Reason.EnUs.Contains("gene therapy"), file);
        }

        Evaluate(Seeds.Nct07318259, answers).IsStillPossible.Should().BeTrue("NCT07318259 does not exclude prior CAR-T");
        Evaluate(Seeds.Zhejiang, answers).Reasons.Single().Reason.EnUs.Should().Be("This study is for people who have not had CAR-T cell therapy before.");
    }

    [Fact]
    public void Evaluate_Child12_OnlyTheTrialAdmittingChildrenRemains()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(12)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)));

        LupusTrials.Where(f => Evaluate(f, answers).IsStillPossible).Should().Equal(Seeds.Zhejiang);
    }

    [Fact]
    public void Evaluate_RheumatoidArthritis_OnlyTheRaCohortOfNct07161193Remains()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(50)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Ra)));

        LupusTrials.Where(f => Evaluate(f, answers).IsStillPossible).Should().Equal(Seeds.Nct07161193);
        var result = Evaluate(Seeds.Nct07161193, answers);
        result.Cohort.Should().Be("6");
        result.Criteria.Where(c => c.Criterion.Cohort is not null && c.Criterion.Cohort != "6").Should().OnlyContain(c => c.Outcome == CriterionOutcome.NotApplicable);
    }

    [Theory]
    [MemberData(nameof(Trials))]
    public void Evaluate_NotSureToEverything_NeedsReviewAndIsNeverExcluded(string file)
    {
        var answers = QuestionCatalog.Templates.Keys.ToDictionary(k => k, _ => Answer.NotSure);

        var result = Evaluate(file, answers);

        result.Verdict.Should().Be(TrialVerdict.NeedsReview);
        result.Reasons.Should().OnlyContain(r => r.UnknownReason == UnknownReason.NotSure || r.UnknownReason == UnknownReason.Unclear);
    }

    [Theory]
    [MemberData(nameof(Trials))]
    public void Evaluate_NoAnswers_IsStillPossibleWithOpenKeys(string file)
    {
        var result = Evaluate(file, new Dictionary<string, Answer>());

        result.Verdict.Should().Be(TrialVerdict.NeedsReview);
        result.IsComplete.Should().BeFalse();
        result.OpenQuestionKeys.Should().Contain([QuestionKeys.Age, QuestionKeys.Pregnant, QuestionKeys.Hiv]);
    }

    [Fact]
    public void Evaluate_SelfHarmDisclosure_LeadsToReviewNotExclusion()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(30)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.SuicidalThoughts, Answer.Yes(180)));

        var result = Evaluate(Seeds.Nct07339332, answers);

        result.Verdict.Should().Be(TrialVerdict.NeedsReview);
        result.Reasons.Should().ContainSingle(r => r.CriterionId == "ex-26" && r.UnknownReason == UnknownReason.NotDecisive);
    }

    [Fact]
    public void Evaluate_FlaggedCriterion_NeverExcludes()
    {
        // ex-13 ("Screen for the absence of systemic active infections") carries a double-negative flag; in-2 an
        // exclusion-under-inclusion flag: an active infection leads to review, not exclusion.
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(30)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.ActiveInfection, Answer.Yes(7)));

        var result = Evaluate(Seeds.Nct07339332, answers);

        result.Verdict.Should().Be(TrialVerdict.NeedsReview);
        result.Reasons.Select(r => (r.CriterionId, r.UnknownReason)).Should().Contain(("ex-13", UnknownReason.Flagged));
    }

    [Fact]
    public void Evaluate_ResolvedFlag_LetsTheCriterionExclude()
    {
        var set = Seeds.Derive(Seeds.Nct07339332);
        set = set with { Flags = [.. set.Flags.Select(f => f.CriterionId is "in-2" or "ex-13" ? f with { Resolved = true } : f)] };
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(30)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.ActiveInfection, Answer.Yes(7)));

        var result = EligibilityEvaluator.Evaluate(set, answers);

        result.Verdict.Should().Be(TrialVerdict.NotEligible);
        result.Reasons.Select(r => r.CriterionId).Should().Contain("in-2");
    }

    [Fact]
    public void Evaluate_NoLiveVaccineInTheLastSixWeeks_SettlesEveryShorterWindow()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(30)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.LiveVaccine, Answer.No(42)));

        var zhejiang = Evaluate(Seeds.Zhejiang, answers);

        zhejiang.Criteria.Single(c => c.Criterion.Id == "ex-9").Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_LiveVaccineFiveWeeksAgo_ExcludesOnlyTheSixWeekTrial()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(30)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.LiveVaccine, Answer.Quantity(5, Units.Weeks)), (QuestionKeys.Vaccine, Answer.Quantity(5, Units.Weeks)));

        Evaluate(Seeds.Nct06316791, answers).Criteria.Single(c => c.Criterion.Id == "ex-8").Outcome.Should().Be(CriterionOutcome.NotMet);
        Evaluate(Seeds.Zhejiang, answers).Criteria.Single(c => c.Criterion.Id == "ex-9").Outcome.Should().Be(CriterionOutcome.Met);
    }

    [Fact]
    public void Evaluate_YesOverAWiderWindow_IsUnclearForANarrowerOne()
    {
        var answers = NoToEverything((QuestionKeys.Age, Answer.Years(30)), (QuestionKeys.Condition, Answer.Chosen(ConditionKeys.Sle)), (QuestionKeys.LiveVaccine, Answer.Yes(42)));

        var result = Evaluate(Seeds.Zhejiang, answers);

        result.Verdict.Should().Be(TrialVerdict.NeedsReview);
        result.Reasons.Should().ContainSingle(r => r.CriterionId == "ex-9" && r.UnknownReason == UnknownReason.Unclear);
    }

    [Fact]
    public void Evaluate_Man_IsNotAskedAboutPregnancy()
    {
        var answers = new Dictionary<string, Answer> { [QuestionKeys.Sex] = Answer.Chosen("male") };

        var result = Evaluate(Seeds.Nct07339332, answers);

        result.OpenQuestionKeys.Should().NotContain([QuestionKeys.Pregnant, QuestionKeys.Breastfeeding]);
        result.OpenQuestionKeys.Should().Contain(QuestionKeys.Hiv);
    }

    [Fact]
    public void OpenQuestionKeys_AfterADisqualifyingAnswer_IsEmpty()
    {
        var answers = new Dictionary<string, Answer> { [QuestionKeys.Age] = Answer.Years(80) };

        EligibilityEvaluator.OpenQuestionKeys(Seeds.Derive(Seeds.Nct07339332), answers).Should().BeEmpty();
    }

    public static TheoryData<string> Trials() => [.. LupusTrials];
}
