using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Questions;

public sealed class ImpliedAnswersTests
{
    [Fact]
    public void Complete_Man_ImpliesNotPregnantAndNotBreastfeeding()
    {
        var complete = ImpliedAnswers.Complete(new Dictionary<string, Answer> { [QuestionKeys.Sex] = Answer.Chosen("male") });

        complete[QuestionKeys.Pregnant].Should().BeEquivalentTo(new { Kind = AnswerKind.No, ImpliedBy = QuestionKeys.Sex });
        complete[QuestionKeys.Breastfeeding].Kind.Should().Be(AnswerKind.No);
    }

    [Fact]
    public void Complete_YoungChild_ImpliesNotPregnant()
    {
        ImpliedAnswers.Implied(new Dictionary<string, Answer> { [QuestionKeys.Age] = Answer.Years(6) })
            .Should().ContainKeys(QuestionKeys.Pregnant, QuestionKeys.Breastfeeding);
        ImpliedAnswers.Implied(new Dictionary<string, Answer> { [QuestionKeys.Age] = Answer.Years(12) })
            .Should().NotContainKey(QuestionKeys.Pregnant, "a 12-year-old is asked");
    }

    [Fact]
    public void Complete_GivenAnswer_IsNeverOverridden()
    {
        var complete = ImpliedAnswers.Complete(new Dictionary<string, Answer>
        {
            [QuestionKeys.Sex] = Answer.Chosen("male"),
            [QuestionKeys.Pregnant] = Answer.NotSure,
        });

        complete[QuestionKeys.Pregnant].Should().Be(Answer.NotSure);
    }

    [Fact]
    public void Complete_Chains_CarTImpliesGeneTherapyAndNoVaccineImpliesNoLiveVaccine()
    {
        var complete = ImpliedAnswers.Complete(new Dictionary<string, Answer>
        {
            [QuestionKeys.PriorCarT] = Answer.Yes(),
            [QuestionKeys.Vaccine] = Answer.No(42),
        });

        complete[QuestionKeys.PriorGeneTherapy].Kind.Should().Be(AnswerKind.Yes);
        complete[QuestionKeys.LiveVaccine].Should().BeEquivalentTo(new { Kind = AnswerKind.No, WithinDays = 42 });
    }

    [Fact]
    public void Complete_RheumatoidArthritisOnly_ImpliesNoLupusSpecificEvents()
    {
        var complete = ImpliedAnswers.Complete(new Dictionary<string, Answer> { [QuestionKeys.Condition] = Answer.Chosen(ConditionKeys.Ra) });

        complete[QuestionKeys.LupusCrisis].Kind.Should().Be(AnswerKind.No);
        complete[QuestionKeys.CnsLupus].Kind.Should().Be(AnswerKind.No);
    }
}
