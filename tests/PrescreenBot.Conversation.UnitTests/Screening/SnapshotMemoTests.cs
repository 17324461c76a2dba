using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.UnitTests.Support;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Screening;

/// <summary>A conversation's last evaluation is reused only while everything it was worked out from is unchanged.</summary>
public sealed class SnapshotMemoTests
{
    private static readonly ConversationRef Conversation = new("test", "conversation-1");

    [Fact]
    public void Evaluate_SameAnswersInSameConversation_ReusesSnapshot()
    {
        var engine = new ScreeningEngine(SeedDialogs.Catalog, new ManualTimeProvider());
        var first = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        // A later turn reads the same answers back from storage: new instances, equal values.
        var again = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        again.Should().BeSameAs(first);
    }

    [Fact]
    public void Evaluate_ChosenConditionChanged_EvaluatesAgain()
    {
        var engine = new ScreeningEngine(SeedDialogs.Catalog, new ManualTimeProvider());
        var lupus = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        var other = engine.Evaluate(Intake(ConditionKeys.Other), Conversation);

        other.Should().NotBeSameAs(lupus);
        other.Should().BeEquivalentTo(engine.Evaluate(Intake(ConditionKeys.Other)));
    }

    [Fact]
    public void Evaluate_AnswerAddedOrTrialChosen_EvaluatesAgain()
    {
        var engine = new ScreeningEngine(SeedDialogs.Catalog, new ManualTimeProvider());
        var session = Intake(ConditionKeys.Sle);
        var before = engine.Evaluate(session, Conversation);

        session.Answers[QuestionKeys.Hiv] = Answer.Yes();
        var answered = engine.Evaluate(session, Conversation);
        session.TrialId = SeedDialogs.Catalog.Sets[0].Trial.Id;
        var single = engine.Evaluate(session, Conversation);

        answered.Should().NotBeSameAs(before);
        single.Should().NotBeSameAs(answered);
        single.Candidates.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_OtherConversation_NeverReusesAnothersSnapshot()
    {
        var engine = new ScreeningEngine(SeedDialogs.Catalog, new ManualTimeProvider());
        var first = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        var second = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation with { ConversationId = "conversation-2" });

        second.Should().NotBeSameAs(first);
    }

    [Fact]
    public void Evaluate_NextDay_EvaluatesAgain()
    {
        var time = new ManualTimeProvider();
        var engine = new ScreeningEngine(SeedDialogs.Catalog, time);
        var today = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        time.Advance(TimeSpan.FromDays(1));
        var tomorrow = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        tomorrow.Should().NotBeSameAs(today);
    }

    [Fact]
    public void Forget_AfterDataDeletion_RemembersNothingOfTheConversation()
    {
        var engine = new ScreeningEngine(SeedDialogs.Catalog, new ManualTimeProvider());
        var before = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        engine.Forget(Conversation);
        var after = engine.Evaluate(Intake(ConditionKeys.Sle), Conversation);

        after.Should().NotBeSameAs(before, "the deleted conversation's answers are no longer held to be reused");
    }

    private static PrescreenSession Intake(string condition)
    {
        var session = new PrescreenSession();
        session.Answers[QuestionKeys.Age] = Answer.Years(34);
        session.Answers[QuestionKeys.Sex] = Answer.Chosen("female");
        session.Answers[QuestionKeys.Condition] = Answer.Chosen(condition);
        return session;
    }
}
