using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Questions;

public sealed class SharedQuestionTests
{
    private static IReadOnlyList<TrialQuestionSet> All => [.. Seeds.All.Select(Seeds.Derive)];

    [Fact]
    public void For_LiveVaccineAcrossTrials_AsksOverTheWidestWindow()
    {
        var question = SharedQuestion.For(QuestionKeys.LiveVaccine, All)!;

        question.WindowDays.Should().Be(42);
        question.Text.EnUs.Should().StartWith("In the last 6 weeks, have you had a live vaccine");
        question.Text.ZhCn.Should().StartWith("最近6周内");
        question.TrialIds.Should().HaveCount(4, "NCT07161193 says nothing about vaccines");
    }

    [Fact]
    public void For_PriorCarT_NamesTheFourTrialsThatAsk()
    {
        var question = SharedQuestion.For(QuestionKeys.PriorCarT, All)!;

        question.WindowDays.Should().BeNull();
        question.TrialIds.Should().HaveCount(4).And.NotContain("NCT07318259");
    }

    [Fact]
    public void For_SuicidalThoughts_CarriesTheSafetyMarkers()
    {
        var question = SharedQuestion.For(QuestionKeys.SuicidalThoughts, All)!;

        question.Should().BeEquivalentTo(new { SelfHarmRisk = true, Sensitive = true, WindowDays = 180 });
    }

    [Fact]
    public void For_Guardian_UsesTheGuardianWording()
    {
        var question = SharedQuestion.For(QuestionKeys.Age, [Seeds.Derive(Seeds.Zhejiang)], forGuardian: true)!;

        question.Text.EnUs.Should().Be("How old is your child (age in years)?");
    }

    [Fact]
    public void For_KeyNoTrialUses_ReturnsNull()
    {
        SharedQuestion.For(QuestionKeys.Anticoagulant, [Seeds.Derive(Seeds.Zhejiang)]).Should().BeNull();
    }

    [Fact]
    public void Catalog_EveryKeyHasBothLanguages()
    {
        QuestionCatalog.Templates.Values.Should().OnlyContain(t => t.Ever.EnUs.Length > 0 && t.Ever.ZhCn.Length > 0);
        QuestionCatalog.Compose(QuestionKeys.OtherTrial, 90).EnUs.Should().Be("In the last 3 months, have you taken part in another clinical study (trial) of a medicine or treatment?");
        QuestionCatalog.Compose(QuestionKeys.Pregnant, 0).EnUs.Should().Be("Are you pregnant (pregnancy)?");
    }
}
