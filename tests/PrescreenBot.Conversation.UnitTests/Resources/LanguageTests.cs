using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Resources;

public sealed class LanguageTests
{
    [Fact]
    public async Task Locale_FromTheActivity_IsTheConversationsLanguage()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly(), "zh-CN");

        var replies = await bot.JoinAsync();

        replies[0].Text.Should().StartWith("您好！");
        bot.LastQuestion!.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("是", "否");
    }

    [Fact]
    public async Task Chinese_TypedMidConversation_SwitchesAndAsksTheSameQuestionInChinese()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("yes");

        await bot.SayAsync("中文");

        bot.CurrentStep.Should().Be("key:age");
        bot.LastQuestion!.Text.Should().Contain("您今年多大");
        bot.LastQuestion.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("不确定");
        var session = await bot.StoredSessionAsync();
        session.Locale.Should().Be("zh-CN");
        session.LocaleChosen.Should().BeTrue();
    }

    [Fact]
    public async Task ChosenLanguage_LaterActivitiesInAnotherLocale_KeepTheChoice()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("中文");

        await bot.SayAsync("是");

        bot.LastQuestion!.Text.Should().Contain("您今年多大");
    }

    [Fact]
    public async Task ChosenLanguage_NextConversationOfTheSameUser_StartsInThatLanguage()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.SayAsync("中文");

        bot.Adapter.Conversation = new PrescreenBot.Bot.Schema.ConversationReference
        {
            ChannelId = bot.Adapter.Conversation.ChannelId,
            ServiceUrl = bot.Adapter.Conversation.ServiceUrl,
            User = bot.Adapter.Conversation.User,
            Bot = bot.Adapter.Conversation.Bot,
            Conversation = new PrescreenBot.Bot.Schema.ConversationAccount("Convo2"),
            Locale = "en-US",
        };
        var replies = await bot.JoinAsync();

        replies[0].Text.Should().StartWith("您好！");
    }
}
