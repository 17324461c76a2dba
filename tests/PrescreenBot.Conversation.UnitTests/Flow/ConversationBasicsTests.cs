using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Flow;

public sealed class ConversationBasicsTests
{
    [Fact]
    public async Task OnMembersAdded_NewConversation_WelcomesAndAsksConsent()
    {
        var bot = new BotHarness(SyntheticTrials.Catalog());

        await bot.Flow()
            .SendConversationUpdate()
            .AssertReplyContains("This is not medical advice and not enrolment")
            .AssertReplyContains("中文")
            .AssertReply("Do you agree to answer some health questions for this check?")
            .AssertSuggestedActions("Yes", "No")
            .StartTestAsync();
    }

    [Fact]
    public async Task Consent_Given_IsRecordedWithTimeAndWordingVersion()
    {
        var bot = new BotHarness(SyntheticTrials.Catalog());
        await bot.JoinAsync();

        await bot.SayAsync("yes");

        var session = await bot.StoredSessionAsync();
        session.Consent.Should().NotBeNull();
        session.Consent!.GivenAt.Should().Be(ManualTimeProvider.DefaultStart);
        session.Consent.WordingVersion.Should().Be(PrescreenOptions.CurrentConsentWordingVersion);
    }

    [Fact]
    public async Task Consent_Declined_EndsKindlyAndAsksNothingMore()
    {
        var bot = new BotHarness(SyntheticTrials.Catalog());
        await bot.JoinAsync();

        var replies = await bot.SayAsync("no");
        var later = await bot.SayAsync("34");

        bot.AllText(replies).Should().Contain("nothing has been recorded");
        bot.AllText(later).Should().Contain("Type \"start\"");
        (await bot.StoredSessionAsync()).Answers.Should().BeEmpty();
    }

    [Fact]
    public async Task Respondent_TrialAdmitsChildren_IsAsked()
    {
        var bot = new BotHarness(SyntheticTrials.Catalog());
        await bot.JoinAsync();

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().Be("respondent");
        bot.LastQuestion!.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("I am the patient", "A parent or guardian for a child");
    }

    [Fact]
    public async Task Respondent_OnlyAdultTrials_IsNotAsked()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task Respondent_Guardian_QuestionsAreAboutTheChild()
    {
        var bot = new BotHarness(SyntheticTrials.Catalog());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        var replies = await bot.SayAsync("2");

        bot.AllText(replies).Should().Contain("\"you\" in the questions means the child");
        bot.LastQuestion!.Text.Should().Contain("How old is your child");
    }

    [Fact]
    public async Task Question_EveryScreeningQuestion_OffersNotSureAndShowsProgress()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("34");
        await bot.SayAsync("female");
        await bot.SayAsync("lupus");
        await bot.SayAsync("China");
        await bot.SayAsync("Wuhan");

        bot.LastQuestion!.Text.Should().StartWith("Question 4 of about 7 · 1 study still possible");
        bot.LastQuestion.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("Yes", "No", "Not sure");
    }

    [Fact]
    public async Task Question_UnrecognizedAnswer_RetryExplainsWhatIsExpected()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        var replies = await bot.SayAsync("purple");

        replies.Should().ContainSingle();
        replies[0].Text.Should().StartWith("Please type a number (years), for example 34").And.Contain("How old are you");
        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task Question_ThreeUnrecognizedAnswers_CountsAsNotSureAndMovesOn()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        await bot.SayAsync("purple");
        await bot.SayAsync("green");
        var replies = await bot.SayAsync("blue");

        bot.AllText(replies).Should().Contain("Let's leave that one as \"not sure\"");
        bot.CurrentStep.Should().Be("key:sex");
        (await bot.StoredSessionAsync()).Answers["age"].Kind.Should().Be(PrescreenBot.Trials.Questions.AnswerKind.NotSure);
    }

    [Fact]
    public async Task Help_AtAQuestion_ExplainsAndAsksTheSameQuestionAgain()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        await bot.Flow()
            .Send("help")
            .AssertReply(r => r.Text.Should().Contain("\"back\"").And.Contain("Right now: Please type a number (years)"))
            .AssertReply(r => r.Text.Should().Contain("How old are you"))
            .StartTestAsync();
        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task Checklist_No_AnswersEveryItemAtOnce()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(Intake(), "group:treatments");
        bot.CurrentKeys.Should().Equal("prior-car-t", "transplant");
        bot.LastQuestion!.Text.Should().Contain("Does any of these apply to you?").And.Contain("• CAR-T cell therapy");

        await bot.SayAsync("no");

        var session = await bot.StoredSessionAsync();
        session.Answers.Should().ContainKeys("prior-car-t", "transplant");
        session.Answers["transplant"].Kind.Should().Be(PrescreenBot.Trials.Questions.AnswerKind.No);
        session.QuestionsAsked.Should().Be(4);
    }

    [Fact]
    public async Task Checklist_Yes_AsksEachItemOnItsOwn()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(Intake(), "group:treatments");

        var replies = await bot.SayAsync("yes");

        bot.AllText(replies).Should().Contain("one at a time");
        bot.CurrentStep.Should().Be("key:prior-car-t");
    }

    [Fact]
    public async Task Checklist_InChinese_ListsTheTrialsDomainWordingOfEachItem()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly(), locale: "zh-CN");
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(Intake(), "group:treatments");

        bot.LastQuestion!.Text.Should().Contain("以下情况中，有任何一项适用于您吗？")
            .And.Contain("• " + PrescreenBot.Trials.Questions.Checklists.ItemText("prior-car-t", null).ZhCn);
        bot.LastQuestion.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("是", "否", "不确定");
    }

    [Fact]
    public async Task Country_NeverUnderstood_IsSkippedAfterThreeTriesAndTheCityIsAskedNext()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        var intake = Intake();
        intake.Remove("intake:country");
        intake.Remove("intake:city");
        await bot.AnswerUntilAsync(intake, "intake:country");

        await bot.SayAsync("34");
        await bot.SayAsync("34");
        bot.CurrentStep.Should().Be("intake:country");
        await bot.SayAsync("34");

        bot.CurrentStep.Should().Be("intake:city");
        (await bot.StoredSessionAsync()).Country.Should().BeNull();
    }

    internal static Dictionary<string, string> Intake(string age = "34") => new()
    {
        ["consent"] = "yes",
        ["respondent"] = "1",
        ["key:age"] = age,
        ["key:sex"] = "female",
        ["key:condition"] = "1",
        ["intake:country"] = "China",
        ["intake:city"] = "Wuhan",
    };
}
