using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Asks;
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
        bot.AllText(replies).Should().Contain("您正在了解自己是否可能符合研究“探索通用型CD19/20 CAR-T细胞注射液治疗中重度难治性系统性红斑狼疮")
            .And.NotContain("A Clinical Study Exploring");
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
    public async Task StartEvent_AfterAGreetingInTheSameLanguage_NamesTheTrialAndKeepsTheWaitingConsentQuestion()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan, "en-US");

        replies.Should().ContainSingle();
        replies[0].Text.Should().StartWith("You're checking whether you might qualify").And.Contain(SeedDialogs.LupusWuhan);
        replies[0].ChannelData.Should().BeNull("the remark is not a second consent question");
        replies[0].SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("Yes", "No");
        ConsentQuestions(bot).Should().ContainSingle();
        (await bot.StoredSessionAsync()).TrialId.Should().Be(SeedDialogs.LupusWuhan);

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().Be("key:age");
    }

    [Fact]
    public async Task StartEvent_WhatWebChatSendsOnConnect_AsksForConsentOnce()
    {
        var bot = new BotHarness(SeedDialogs.Catalog, channelId: "directline");

        await bot.SendAsync(WebChatConversationUpdate(bot, "en-US"));
        await bot.SendAsync(WebChatStartEvent(bot, SeedDialogs.UltraFast, "en-US"));

        ConsentQuestions(bot).Should().ContainSingle();
        bot.Transcript.Count(a => a.Text?.StartsWith("Hello!", StringComparison.Ordinal) == true).Should().Be(1);
        bot.Transcript.Count(a => a.Text?.Contains("Do you agree to answer some health questions", StringComparison.Ordinal) == true).Should().Be(1);
        bot.AllText(bot.Transcript).Should().Contain(SeedDialogs.UltraFast);
        bot.Transcript[^1].SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("Yes", "No");
    }

    [Fact]
    public async Task StartEvent_WhatAChineseWebChatPageSendsOnConnect_WelcomesOnceInChinese()
    {
        var bot = new BotHarness(SeedDialogs.Catalog, locale: "zh-CN", channelId: "directline");

        await bot.SendAsync(WebChatConversationUpdate(bot, "zh-CN"));
        await bot.SendAsync(WebChatStartEvent(bot, SeedDialogs.UltraFast, "zh-CN"));

        ConsentQuestions(bot).Should().ContainSingle().Which.Text.Should().Be("您是否同意为此次预筛查回答一些健康问题？");
        bot.Transcript.Count(a => a.Text?.StartsWith("您好！", StringComparison.Ordinal) == true).Should().Be(1);
        bot.AllText(bot.Transcript).Should().NotContain("Hello!");
    }

    [Fact]
    public async Task StartEvent_PageLanguageDiffersFromTheGreeting_WelcomesOnceMoreInThePagesLanguageOnly()
    {
        var bot = new BotHarness(SeedDialogs.Catalog, channelId: "directline");
        await bot.SendAsync(WebChatConversationUpdate(bot, "en-US"));

        var replies = await bot.SendAsync(WebChatStartEvent(bot, SeedDialogs.LupusWuhan, "zh-CN"));

        bot.AllText(replies).Should().NotContain("Hello!").And.NotContain("Do you agree");
        replies.Count(r => r.Text?.StartsWith("您好！", StringComparison.Ordinal) == true).Should().Be(1);
        replies.Count(r => (r.ChannelData as PrescreenStepData)?.PrescreenStep == "consent").Should().Be(1);
        bot.LastQuestion!.Text.Should().Be("您是否同意为此次预筛查回答一些健康问题？");
    }

    [Fact]
    public async Task StartEvent_SameTrialTwice_SaysNothingMore()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.StartEventAsync(SeedDialogs.LupusWuhan, "en-US");

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan, "en-US");

        replies.Should().BeEmpty();
        ConsentQuestions(bot).Should().ContainSingle();
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
    public async Task StartEvent_AnotherTrialMidScreening_OffersToSwitchAndKeepsTheAnswers()
    {
        var bot = await MidScreeningAsync();

        await bot.StartEventAsync(SeedDialogs.UltraFast);

        bot.CurrentStep.Should().Be("start:switchTrial");
        bot.LastQuestion!.Text.Should().Contain("all the studies").And.Contain(SeedDialogs.UltraFast);
        var session = await bot.StoredSessionAsync();
        session.TrialId.Should().BeNull();
        session.Answers.Should().ContainKey("age");
    }

    [Fact]
    public async Task StartEvent_SwitchAccepted_ScreensThatTrialWithTheAnswersKept()
    {
        var bot = await MidScreeningAsync();
        await bot.StartEventAsync(SeedDialogs.UltraFast);

        var replies = await bot.SayAsync("yes");

        bot.AllText(replies).Should().Contain("Your answers so far count for this study too");
        var session = await bot.StoredSessionAsync();
        session.TrialId.Should().Be(SeedDialogs.UltraFast);
        session.Answers.Should().ContainKey("age");
        session.Consent.Should().NotBeNull();
        bot.CurrentKeys.Should().NotContain("age");
    }

    [Fact]
    public async Task StartEvent_SwitchDeclined_CarriesOnWithTheSameScreen()
    {
        var bot = await MidScreeningAsync();
        var before = bot.CurrentStep;
        await bot.StartEventAsync(SeedDialogs.UltraFast);

        await bot.SayAsync("no");

        var session = await bot.StoredSessionAsync();
        session.TrialId.Should().BeNull();
        session.ProposedTrialId.Should().BeNull();
        session.Answers.Should().ContainKey("age");
        bot.CurrentStep.Should().Be(before);
    }

    [Fact]
    public async Task StartEvent_UnknownTrialMidScreening_SaysSoAndLosesNothing()
    {
        var bot = await MidScreeningAsync();
        var before = bot.CurrentStep;

        var replies = await bot.StartEventAsync("NCT99999999");

        bot.AllText(replies).Should().Contain("I don't know the study \"NCT99999999\", so let's carry on");
        bot.CurrentStep.Should().Be(before);
        (await bot.StoredSessionAsync()).Answers.Should().ContainKey("age");
    }

    [Fact]
    public async Task StartEvent_SameTrialMidScreening_WelcomesBackToTheCurrentQuestion()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.StartEventAsync(SeedDialogs.LupusWuhan);
        await bot.SayAsync("yes");
        await bot.SayAsync("34");
        var before = bot.CurrentStep;

        var replies = await bot.StartEventAsync(SeedDialogs.LupusWuhan);

        bot.AllText(replies).Should().Contain("Welcome back!");
        bot.CurrentStep.Should().Be(before);
        (await bot.StoredSessionAsync()).Answers.Should().ContainKey("age");
    }

    /// <summary>Consent given, the respondent and the age answered in a screen across all trials.</summary>
    private static async Task<BotHarness> MidScreeningAsync()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();
        await bot.SayAsync("yes");
        await bot.SayAsync("1");
        await bot.SayAsync("34");
        (await bot.StoredSessionAsync()).Answers.Should().ContainKey("age");
        return bot;
    }

    private static List<Activity> ConsentQuestions(BotHarness bot) =>
        [.. bot.Transcript.Where(a => (a.ChannelData as PrescreenStepData)?.PrescreenStep == "consent")];

    /// <summary>What our Direct Line sends when Web Chat opens a conversation (locale from conversationStartProperties).</summary>
    private static Activity WebChatConversationUpdate(BotHarness bot, string locale) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        ChannelId = "directline",
        Locale = locale,
        From = bot.Adapter.Conversation.User,
        Recipient = bot.Adapter.Conversation.Bot,
        MembersAdded = [bot.Adapter.Conversation.Bot!, bot.Adapter.Conversation.User!],
    };

    /// <summary>What webchat-page.js dispatches once connected: WEB_CHAT/SEND_EVENT prescreen/start with the page's trial and locale.</summary>
    private static Activity WebChatStartEvent(BotHarness bot, string trial, string locale) => new()
    {
        Type = ActivityTypes.Event,
        ChannelId = "directline",
        Locale = locale,
        From = bot.Adapter.Conversation.User,
        Name = PrescreenEvents.Start,
        Value = JsonSerializer.Deserialize<JsonElement>($$"""{"trial":"{{trial}}","locale":"{{locale}}"}"""),
    };
}
