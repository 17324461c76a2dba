using PrescreenBot.Conversation.UnitTests.Personas;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Safety;

public sealed class SafetyConversationTests
{
    [Fact]
    public async Task SuicidalThoughtsQuestion_Yes_ShowsCrisisResourcesAndPausesScreening()
    {
        var persona = Persona.LupusWoman34 with
        {
            Answers = new Dictionary<string, string>(Persona.LupusWoman34.Answers) { ["suicidal-thoughts"] = "yes" },
        };
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(persona.Answers, "key:suicidal-thoughts");

        var replies = await bot.SayAsync("yes");

        bot.AllText(replies).Should().Contain("988").And.Contain("I've paused the questions");
        bot.CurrentStep.Should().Be("paused");
        var stillPaused = await bot.SayAsync("no");
        bot.AllText(stillPaused).Should().Contain("The questions are paused");
        bot.LastResult.Should().BeNull("no verdict while paused");

        await bot.SayAsync("continue");
        bot.CurrentStep.Should().NotBe("paused");
    }

    [Fact]
    public async Task FreeTextDisclosure_AtAnyQuestion_ShowsCrisisResourcesAndPauses()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        await bot.Flow()
            .Send("honestly I want to end my life")
            .AssertReply(r => r.Text.Should().Contain("You don't have to face it alone"))
            .AssertReply(r => r.Text.Should().Contain("I've paused the questions"))
            .AssertSuggestedActions("Continue", "Stop")
            .StartTestAsync();

        (await bot.StoredSessionAsync()).Answers.Should().BeEmpty("the disclosure is not taken as an answer");
        await bot.SayAsync("continue");
        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task CrisisResources_ConfiguredForTheLocale_AreShown()
    {
        var options = new PrescreenOptions { CrisisResources = new Dictionary<string, string> { ["zh-CN"] = "请拨打测试热线 000-0000。" } };
        var bot = new BotHarness(SyntheticTrials.AdultOnly(), "zh-CN", options: options);
        await bot.JoinAsync();

        var replies = await bot.SayAsync("我不想活了");

        bot.AllText(replies).Should().Contain("请拨打测试热线 000-0000。").And.Contain("我已暂停提问");
    }

    [Fact]
    public async Task Emergency_ChestPainNow_AdvisesEmergencyServicesAndAsksAgain()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        var replies = await bot.SayAsync("I have chest pain now");

        bot.AllText(replies).Should().Contain("call 911").And.Contain("How old are you");
        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task TreatmentQuestion_GivesNoAdvice()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        var replies = await bot.SayAsync("should I stop taking my prednisone?");

        bot.AllText(replies).Should().Contain("I can't give advice about treatment");
        bot.CurrentStep.Should().Be("key:age");
    }
}
