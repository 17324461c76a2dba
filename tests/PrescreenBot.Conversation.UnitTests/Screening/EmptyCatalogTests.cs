using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Screening;

/// <summary>No question set loaded: the patient hears that no study is available, never that none of the studies fits.</summary>
public sealed class EmptyCatalogTests
{
    private const string Unavailable = "I'm sorry: no studies are available right now, so I can't check anything for you yet. Please try again later. Nothing you type here is recorded.";

    [Fact]
    public async Task OnMembersAdded_EmptyCatalog_SaysNoStudyIsAvailableInsteadOfWelcoming()
    {
        var bot = new BotHarness(new TrialCatalog([]));

        await bot.Flow()
            .SendConversationUpdate()
            .AssertReply(Unavailable)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Messages_EmptyCatalog_EachGetsTheNoticeAndNoResultIsSent()
    {
        var bot = new BotHarness(new TrialCatalog([]));
        await bot.JoinAsync();

        var answers = new[] { "yes", "34", "hello" };
        foreach (var answer in answers)
        {
            var replies = await bot.SayAsync(answer);
            bot.AllText(replies).Should().Be(Unavailable);
        }

        bot.Transcript.Should().NotContain(a => a.Type == ActivityTypes.Event, "nothing was screened, so there is no prescreen/result");
        bot.AllText(bot.Transcript).Should().NotContain("none of these studies").And.NotContain("None of the studies");
        (await bot.StoredSessionAsync()).Answers.Should().BeEmpty();
    }

    [Fact]
    public async Task StartEvent_EmptyCatalogAfterJoining_DoesNotRepeatTheNotice()
    {
        var bot = new BotHarness(new TrialCatalog([]));
        var joined = await bot.JoinAsync();

        var started = await bot.StartEventAsync("NCT07339332", "en-US");

        bot.AllText(joined).Should().Be(Unavailable);
        started.Should().BeEmpty("Web Chat greets and then sends the start event: the notice is said once");
        bot.ResultEvents.Should().BeEmpty();
    }

    [Fact]
    public async Task StartEvent_EmptyCatalogInChinese_SaysTheNoticeInChinese()
    {
        var bot = new BotHarness(new TrialCatalog([]));

        var replies = await bot.StartEventAsync("NCT07339332", "zh-CN");

        bot.AllText(replies).Should().Be("很抱歉：目前没有可供筛查的研究，暂时无法为您进行检查。请稍后再试。您在这里输入的内容不会被记录。");
    }
}
