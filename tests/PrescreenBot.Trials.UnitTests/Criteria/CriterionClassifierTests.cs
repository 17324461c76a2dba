using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Criteria;

public sealed class CriterionClassifierTests
{
    [Fact]
    public void Classify_Nct07339332_AsksThePatientAnswerableFacts()
    {
        var set = Seeds.Derive(Seeds.Nct07339332);

        set.Criterion("in-1").Questions.Single().Disqualifying.Should().BeEquivalentTo(new { Min = 18, Max = 65 });
        set.Criterion("in-5").Keys().Should().Equal(QuestionKeys.Condition, QuestionKeys.DiagnosisDuration);
        set.Criterion("in-5").SiteVerifies.Should().BeTrue("the classification criteria are the site's to check");
        set.Criterion("ex-14").Keys().Should().Equal(QuestionKeys.PriorCarT, QuestionKeys.PriorGeneTherapy, QuestionKeys.Transplant);
        set.Criterion("ex-16").Questions.Single().Should().BeEquivalentTo(new { Key = QuestionKeys.BCellDrug, WindowDays = 90 });
        set.Criterion("ex-20").Questions.Select(q => (q.Key, q.WindowDays)).Should().Equal((QuestionKeys.LiveVaccine, 30), (QuestionKeys.Vaccine, 30));
        set.Criterion("ex-21").Questions.Single().Should().BeEquivalentTo(new { Key = QuestionKeys.Malignancy, WindowDays = 730, Decisive = false });
        set.Criterion("ex-23").Keys().Should().Equal(QuestionKeys.Hiv, QuestionKeys.HepatitisB, QuestionKeys.HepatitisC, QuestionKeys.Syphilis);
        set.Criterion("ex-23").Questions.Single(q => q.Key == QuestionKeys.Hiv).Sensitive.Should().BeTrue();
        set.Criterion("ex-24").Questions.Single().Should().BeEquivalentTo(new { Key = QuestionKeys.OtherTrial, WindowDays = 90 });
        set.Criterion("ex-27").Keys().Should().Equal(QuestionKeys.Pregnant, QuestionKeys.Breastfeeding);
    }

    [Fact]
    public void Classify_Nct07339332_MarksTheSuicidalThoughtsCriterionAsSelfHarmRiskAndNeverDecisive()
    {
        var criterion = Seeds.Derive(Seeds.Nct07339332).Criterion("ex-26");

        criterion.Questions.Select(q => (q.Key, q.WindowDays)).Should().Equal((QuestionKeys.SuicidalThoughts, 180), (QuestionKeys.SuicidalBehavior, 360));
        criterion.Questions.Should().OnlyContain(q => q.SelfHarmRisk && q.Sensitive && !q.Decisive);
        criterion.Questions[0].Text.EnUs.Should().Contain("In the last 6 months").And.Contain("(suicidal thoughts)");
        criterion.Questions[0].Text.ZhCn.Should().Contain("最近6个月");
    }

    [Fact]
    public void Classify_Nct07339332_LeavesLabsScoresAndJudgmentToTheSite()
    {
        var set = Seeds.Derive(Seeds.Nct07339332);

        foreach (var id in new[] { "in-4", "in-7", "in-8", "in-10.1", "ex-4", "ex-5", "ex-6", "ex-18", "ex-19", "ex-25", "ex-28" })
        {
            set.Criterion(id).AnswerableBy.Should().Be(AnswerableBy.Site, id);
            set.Criterion(id).Questions.Should().BeEmpty(id);
        }

        set.Criterion("in-8").Concept.Should().Be(Concepts.Score, "SLEDAI-2K is a clinician's score");
        set.Criterion("ex-28").Concept.Should().Be(Concepts.InvestigatorJudgment);
        set.Criterion("in-3").AnswerableBy.Should().Be(AnswerableBy.None, "agreeing to contraception is not a health fact");
    }

    [Fact]
    public void Classify_Zhejiang_WordsQuestionsForAGuardianToo()
    {
        var set = Seeds.Derive(Seeds.Zhejiang);

        set.Criterion("in-1").Questions.Single().Disqualifying.Min.Should().Be(5);
        set.Criterion("in-2").Keys().Should().Equal(QuestionKeys.Condition, QuestionKeys.Refractory);
        set.Criterion("ex-1").Keys().Should().Equal(QuestionKeys.PriorCarT);
        set.Criterion("ex-2").Questions.Single().Should().BeEquivalentTo(new { Key = QuestionKeys.CnsLupus, WindowDays = 60 });
        set.Criterion("ex-9").Questions.Single().Should().BeEquivalentTo(new { Key = QuestionKeys.LiveVaccine, WindowDays = 28 });
        set.Criterion("ex-4").Questions.Single().Decisive.Should().BeFalse("congenital heart disease (ever) and a heart attack (6 months) share one question");
        set.Criterion("in-7").AnswerableBy.Should().Be(AnswerableBy.None);
        set.Criterion("in-3").AnswerableBy.Should().Be(AnswerableBy.Site);
        set.Criteria.SelectMany(c => c.Questions).Should().OnlyContain(q => q.GuardianText != null, "the trial admits children from 5");
        set.Criterion("ex-1").Questions.Single().GuardianText!.EnUs.Should().StartWith("About your child:");
    }

    [Fact]
    public void Classify_Nct07318259_DoesNotAskAboutPriorCarT()
    {
        var set = Seeds.Derive(Seeds.Nct07318259);

        set.QuestionKeys.Should().NotContain(QuestionKeys.PriorCarT, "this trial does not exclude prior CAR-T");
        set.QuestionKeys.Should().Contain([QuestionKeys.Age, QuestionKeys.Condition, QuestionKeys.Pregnant, QuestionKeys.Hiv, QuestionKeys.Transplant]);
        set.Criterion("ex-5").Questions.Single().WindowDays.Should().Be(90);
        set.Criterion("in-5").Questions.Should().BeEmpty("\"childbearing age\" is not an age limit");
    }

    [Fact]
    public void Classify_Nct07161193_AsksTheConditionPerCohort()
    {
        var set = Seeds.Derive(Seeds.Nct07161193);

        set.Criterion("cohort-6").Questions.Single().Disqualifying.AllowedChoices.Should().Equal(ConditionKeys.Ra);
        set.Criterion("in-6.8").Questions.Single().Key.Should().Be(QuestionKeys.Condition);
        set.Criterion("in-6.3").Questions.Single().Disqualifying.Min.Should().Be(6);
        set.Criterion("in-6.2").AnswerableBy.Should().Be(AnswerableBy.Site, "life expectancy is the investigator's estimate");
        set.Criterion("ex-11").Keys().Should().Equal(QuestionKeys.PriorCarT, QuestionKeys.PriorCd19Antibody);
        set.Criterion("ex-11").Questions[0].Decisive.Should().BeFalse("only CD19 CAR-T excludes; any CAR-T still excludes through ex-12");
        set.Criterion("ex-12").Questions.Single().Decisive.Should().BeTrue();
        set.Criterion("ex-3").Questions.Single().WindowDays.Should().Be(1095);
        set.Criterion("ex-6").Questions.Single().Decisive.Should().BeFalse("uncomplicated urinary infections are excepted");
        set.Criterion("ex-13").AnswerableBy.Should().Be(AnswerableBy.Site);
    }

    [Fact]
    public void Classify_Nct06316791_KeepsAlternativesAndHeartDetailsApart()
    {
        var set = Seeds.Derive(Seeds.Nct06316791);

        set.Criterion("in-3.1").AnswerableBy.Should().Be(AnswerableBy.Site, "biopsy class is an alternative the site checks");
        set.Criterion("ex-7").AnswerableBy.Should().Be(AnswerableBy.None, "a list heading");
        set.Criterion("ex-7.1").AnswerableBy.Should().Be(AnswerableBy.Site);
        set.Criterion("ex-7.5").Questions.Single().WindowDays.Should().Be(180);
        set.Criterion("ex-7.6").Questions.Single().Decisive.Should().BeFalse();
        set.Criterion("ex-12").Keys().Should().Equal(QuestionKeys.PriorCarT);
        set.Criterion("ex-8").Questions.Single().WindowDays.Should().Be(42);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Derive_Seed_EveryQuestionHasBothLanguagesAndEveryCriterionAReason(string file)
    {
        var set = Seeds.Derive(file);

        set.Criteria.Should().OnlyContain(c => c.Reason != null && c.Reason.EnUs.Length > 0 && c.Reason.ZhCn.Length > 0);
        set.Criteria.SelectMany(c => c.Questions).Should().OnlyContain(q => q.Text.EnUs.Length > 0 && q.Text.ZhCn.Length > 0 && !q.Text.EnUs.Contains('{'));
    }

    [Fact]
    public void Derive_Seeds_ShareCanonicalKeys()
    {
        var sets = Seeds.All.Select(Seeds.Derive).ToList();

        foreach (var key in new[] { QuestionKeys.Age, QuestionKeys.Pregnant, QuestionKeys.Hiv })
        {
            sets.Should().OnlyContain(s => s.QuestionKeys.Contains(key), key + " appears in all five seeds");
        }

        sets.Count(s => s.QuestionKeys.Contains(QuestionKeys.PriorCarT)).Should().Be(4);
    }

    public static TheoryData<string> SeedFiles() => [.. Seeds.All];
}
