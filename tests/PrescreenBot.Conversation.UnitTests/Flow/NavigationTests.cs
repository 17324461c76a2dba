using PrescreenBot.Conversation.UnitTests.Support;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Flow;

public sealed class NavigationTests
{
    [Fact]
    public async Task Back_AfterAnAnswer_AsksThatQuestionAgainAndForgetsTheAnswer()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("34");
        bot.CurrentStep.Should().Be("key:sex");

        var replies = await bot.SayAsync("back");

        bot.AllText(replies).Should().Contain("let's change your last answer");
        bot.CurrentStep.Should().Be("key:age");
        var session = await bot.StoredSessionAsync();
        session.Answers.Should().NotContainKey("age");
        session.QuestionsAsked.Should().Be(0);
    }

    [Fact]
    public async Task Back_ChangedAnswer_ChangesTheVerdict()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        var answers = ConversationBasicsTests.Intake();
        answers["key:hiv"] = "yes";
        await bot.AnswerUntilAsync(answers, "share:" + SyntheticTrials.Adult);
        bot.CurrentStep.Should().Be("finished", "HIV rules the only trial out, so there is nothing to share");
        bot.LastResultVerdict(SyntheticTrials.Adult).Should().Be("notEligible");

        await bot.SayAsync("back");
        bot.CurrentStep.Should().Be("key:hiv");
        await bot.AnswerUntilAsync(new Dictionary<string, string> { ["key:hiv"] = "no" }, "share:" + SyntheticTrials.Adult);

        bot.LastResultVerdict(SyntheticTrials.Adult).Should().Be("likelyEligible");
    }

    [Fact]
    public async Task Back_AtTheFirstQuestion_SaysThereIsNothingToChange()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();

        var replies = await bot.SayAsync("back");

        bot.AllText(replies).Should().Contain("no earlier answer");
        bot.CurrentStep.Should().Be("consent");
    }

    [Fact]
    public async Task StartOver_MidScreening_ForgetsAnswersKeepsConsentAndAsksFromTheStart()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(ConversationBasicsTests.Intake(), "group:treatments");

        var replies = await bot.SayAsync("start over");

        bot.AllText(replies).Should().Contain("start again from the beginning");
        bot.CurrentStep.Should().Be("key:age");
        var session = await bot.StoredSessionAsync();
        session.Answers.Should().BeEmpty();
        session.Consent.Should().NotBeNull();
    }

    [Fact]
    public async Task Resume_AfterABreak_GreetsAndAsksTheCurrentQuestionAgain()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("34");
        bot.CurrentStep.Should().Be("key:sex");

        bot.Clock.Advance(TimeSpan.FromHours(5));
        await bot.Flow()
            .Send("hi again")
            .AssertReply("Welcome back! Let's continue where you left off.")
            .AssertReply(r => r.Text.Should().Contain("What sex were you assigned at birth"))
            .AssertSuggestedActions("Female", "Male", "Prefer not to say")
            .StartTestAsync();

        (await bot.StoredSessionAsync()).Answers["age"].Number.Should().Be(34);
    }

    [Fact]
    public async Task Resume_ShortPause_TakesTheMessageAsTheAnswer()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await bot.SayAsync("34");

        bot.CurrentStep.Should().Be("key:sex");
    }

    [Fact]
    public async Task Stop_ThenStart_EndsThenBeginsAgain()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        var stopped = await bot.SayAsync("stop");
        var idle = await bot.SayAsync("what now");
        var restarted = await bot.SayAsync("start");

        bot.AllText(stopped).Should().Contain("Stopped. Nothing has been shared.");
        bot.AllText(idle).Should().Contain("Type \"start\"");
        bot.AllText(restarted).Should().Contain("How old are you");
    }

    [Fact]
    public async Task Answers_AfterTheTurn_ArePersistedInConversationState()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("34 years");

        var session = await bot.StoredSessionAsync();

        session.Answers["age"].Should().BeEquivalentTo(Answer.Quantity(34, Units.Years));
    }
}
