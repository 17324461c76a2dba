using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Welcome;

public sealed class StartEventTests
{
    [Fact]
    public async Task StartEvent_KnownTrial_ScreensForThatTrialOnly()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan, "en-US");

        bot.AllText(replies).Should().Contain("You're checking whether you might qualify for the study").And.Contain(SeedDialogs.LupusWuhan);
        bot.CurrentStep.Should().Be("consent");
        await bot.AnswerUntilAsync(Personas.Persona.LupusWoman34.Answers, "share:" + SeedDialogs.LupusWuhan);

        bot.Transcript.Select(a => (a.ChannelData as PrescreenBot.Conversation.Asks.PrescreenStepData)?.PrescreenStep).Should().NotContain("intake:country");
        bot.LastResult!.Verdicts.Should().ContainSingle().Which.TrialId.Should().Be(SeedDialogs.LupusWuhan);
        bot.LastResult.Verdicts[0].Verdict.Should().Be("likelyEligible");
        bot.LastQuestion!.Text.Should().Contain("Would you like me to share your answers");
    }

    [Fact]
    public async Task StartEvent_BeforeAnyOtherActivity_WelcomesWithTheTrialInTheEventsLocale()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan, "zh-CN");

        replies[0].Text.Should().StartWith("您好！");
        bot.AllText(replies).Should().Contain("您正在了解自己是否可能符合研究");
        bot.CurrentStep.Should().Be("consent");
    }

    [Fact]
    public async Task StartEvent_AfterAnEnglishGreeting_GreetsAgainInThePagesLanguage()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan, "zh-CN");

        replies[0].Text.Should().StartWith("您好！");
        bot.AllText(replies).Should().Contain("您正在了解自己是否可能符合研究");
        bot.LastQuestion!.Text.Should().Be("您是否同意为此次预筛查回答一些健康问题？");
    }

    [Fact]
    public async Task StartEvent_AfterAGreetingInTheSameLanguage_NamesTheTrialWithoutGreetingTwice()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan, "en-US");

        bot.AllText(replies).Should().NotContain("Hello!").And.Contain("You're checking whether you might qualify");
        bot.CurrentStep.Should().Be("consent");
    }

    [Fact]
    public async Task StartEvent_TrialAdmittingChildren_AsksWhoIsAnswering()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.StartEventAsync(SeedDialogs.Zhejiang);

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().Be("respondent");
    }

    [Fact]
    public async Task StartEvent_AdultOnlyTrial_DoesNotAskWhoIsAnswering()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.StartEventAsync(SeedDialogs.LupusWuhan);

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task StartEvent_UnknownTrial_SaysSoAndScreensAcrossAllTrials()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();

        var replies = await bot.StartEventAsync("NCT99999999");

        bot.AllText(replies).Should().Contain("I don't know the study \"NCT99999999\"");
        (await bot.StoredSessionAsync()).TrialId.Should().BeNull();
    }

    [Fact]
    public async Task StartEvent_AnotherTrialMidScreening_StartsThatTrialAfresh()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("1");
        await bot.SayAsync("34");

        await bot.StartEventAsync(SeedDialogs.UltraFast);

        var session = await bot.StoredSessionAsync();
        session.TrialId.Should().Be(SeedDialogs.UltraFast);
        session.Answers.Should().BeEmpty();
        session.Consent.Should().NotBeNull();
        bot.CurrentStep.Should().Be("key:age");
    }
}
