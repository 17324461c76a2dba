using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.UnitTests.Support;
using PrescreenBot.Conversation.Verdicts;
using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Verdicts;

public sealed class VerdictReportTests
{
    [Theory]
    [InlineData(TrialVerdict.LikelyEligible, "likelyEligible")]
    [InlineData(TrialVerdict.NeedsReview, "needsReview")]
    [InlineData(TrialVerdict.NotEligible, "notEligible")]
    public void Name_EachVerdict_IsTheContractString(TrialVerdict verdict, string expected)
    {
        VerdictReport.Name(verdict).Should().Be(expected);
    }

    [Fact]
    public void Write_ExcludedAndUnsure_ReasonsInPlainWordsAndCriterionIdsInTheEvent()
    {
        var session = new PrescreenSession { QuestionsAsked = 4 };
        session.Answers[QuestionKeys.Age] = Answer.Years(40);
        session.Answers[QuestionKeys.Condition] = Answer.Chosen(ConditionKeys.Sle);
        session.Answers[QuestionKeys.Hiv] = Answer.Yes();
        session.Answers[QuestionKeys.PriorCarT] = Answer.NotSure;
        var snapshot = new ScreeningEngine(SyntheticTrials.Catalog(), new ManualTimeProvider()).Evaluate(session);
        var outbox = new Outbox();

        VerdictReport.Write(snapshot, session, new AskFactory(TextCatalog.Embedded, Locales.English), outbox);

        var text = outbox.Activities[0].Text!;
        text.Should().StartWith("Thank you! Here is what I found (4 questions):");
        text.Should().Contain("not a fit, because:").And.Contain("This study is for people without HIV.");
        var result = outbox.Activities[1].Value.Should().BeOfType<PrescreenResult>().Subject;
        result.QuestionsAsked.Should().Be(4);
        result.Verdicts.Should().OnlyContain(v => v.Verdict == "notEligible" && v.Reasons.Contains("ex-2"));
        outbox.Activities[1].Name.Should().Be(PrescreenEvents.Result);
    }
}
