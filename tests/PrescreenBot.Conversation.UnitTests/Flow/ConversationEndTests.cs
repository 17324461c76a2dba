using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.UnitTests.Personas;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Flow;

/// <summary>The end of a pre-screen: the closing message once, then a short notice; start over, back and delete my data still work.</summary>
public sealed class ConversationEndTests
{
    private const string Closing = "Thank you for your time! Type \"start over\" to check again, or \"delete my data\" at any time to withdraw.";
    private const string FinishedNotice = "This pre-screen is finished, thank you. Type \"start over\" to begin a new check, or \"delete my data\" to remove your answers.";
    private const string ThankYou = "Thank you for your time";

    [Fact]
    public async Task SharingDeclined_NoToSharing_SaysTheClosingMessageExactlyOnce()
    {
        var bot = await AtSharingQuestionAsync();

        await bot.Flow()
            .Send("no")
            .AssertReply("Okay, nothing will be shared.")
            .AssertReply(Closing)
            .AssertSuggestedActions("Start over", "Delete my data")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterTheEnd_Hello_GetsTheFinishedNoticeNotTheClosingAgain()
    {
        var bot = await AtSharingQuestionAsync();
        var ending = await bot.SayAsync("no");
        Count(bot, ending, ThankYou).Should().Be(1, bot.AllText(ending));

        await bot.Flow()
            .Send("hello")
            .AssertReply(FinishedNotice)
            .AssertSuggestedActions("Start over", "Delete my data")
            .AssertNoReply()
            .Send("are you there?")
            .AssertReply(FinishedNotice)
            .AssertNoReply()
            .StartTestAsync();
        (await bot.StoredSessionAsync()).Finished.Should().BeTrue();
    }

    [Fact]
    public async Task AfterTheEnd_StartOver_BeginsANewCheckKeepingConsent()
    {
        var bot = await AtSharingQuestionAsync();
        await bot.SayAsync("no");
        await bot.SayAsync("hello");

        var replies = await bot.SayAsync("start over");

        bot.AllText(replies).Should().Contain("Let's start again from the beginning.").And.NotContain(ThankYou);
        bot.CurrentStep.Should().Be("key:age");
        var session = await bot.StoredSessionAsync();
        session.Finished.Should().BeFalse();
        session.Answers.Should().BeEmpty();
        session.Consent.Should().NotBeNull();
        await bot.AnswerUntilAsync(ConversationBasicsTests.Intake(), "share:" + SyntheticTrials.Adult);
        bot.CurrentStep.Should().Be("share:" + SyntheticTrials.Adult, "the second check runs to the end like the first");
    }

    [Fact]
    public async Task AfterTheEnd_DeleteMyData_AsksForConfirmationAndDeletes()
    {
        var bot = await AtSharingQuestionAsync();
        await bot.SayAsync("no");

        var confirm = await bot.SayAsync("delete my data");
        bot.AllText(confirm).Should().Contain("Delete everything?");
        var done = await bot.SayAsync("yes");

        bot.AllText(done).Should().Contain("your data has been deleted");
        (await bot.StoredSessionAsync()).Answers.Should().BeEmpty();
    }

    [Fact]
    public async Task AfterTheEnd_Back_AsksTheSharingQuestionAgain()
    {
        var bot = await AtSharingQuestionAsync();
        await bot.SayAsync("no");

        var replies = await bot.SayAsync("back");

        bot.AllText(replies).Should().Contain("Okay, let's change your last answer.").And.NotContain(ThankYou);
        bot.CurrentStep.Should().Be("share:" + SyntheticTrials.Adult);
    }

    [Fact]
    public async Task AfterTheEnd_Chinese_GivesTheFinishedNoticeInChinese()
    {
        var bot = await AtSharingQuestionAsync();
        await bot.SayAsync("no");

        await bot.Flow()
            .Send("中文")
            .AssertReply("本次预筛查已经结束，谢谢您。输入“重新开始”可开始新的筛查，输入“删除我的数据”可删除您的回答。")
            .AssertSuggestedActions("重新开始", "删除我的数据")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterAReferral_NoToTheNextStudy_ClosesOnceThenGivesTheNotice()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(Persona.LupusWoman34.Answers, "share:which");
        await bot.SayAsync(SeedDialogs.LupusWuhan);
        foreach (var answer in new[] { "yes", "Ana Li", "+86 138 0013 8000", "skip", "Morning", "English", "yes" })
        {
            await bot.SayAsync(answer);
        }

        bot.Referrals.Stored.Should().ContainSingle();
        bot.LastQuestion!.Text.Should().Contain("Would you also like to share your answers");

        var ending = new List<Activity>();
        for (var i = 0; i < 5 && bot.CurrentStep!.StartsWith("share:", StringComparison.Ordinal); i++)
        {
            ending.AddRange(await bot.SayAsync("no"));
        }

        bot.CurrentStep.Should().Be("finished");
        Count(bot, ending, ThankYou).Should().Be(1, bot.AllText(ending));

        var later = await bot.SayAsync("hello");
        bot.AllText(later).Should().Be(FinishedNotice);

        var again = await bot.SayAsync("start over");
        bot.AllText(again).Should().Contain("Let's start again from the beginning.");
        bot.CurrentStep.Should().NotBe("finished");
        bot.Referrals.Stored.Should().ContainSingle("starting over keeps the referral already sent");
        bot.Transcript.Count(a => a.Type == ActivityTypes.Event && a.Name == PrescreenEvents.Referral).Should().Be(1);
    }

    private static async Task<BotHarness> AtSharingQuestionAsync()
    {
        var bot = new BotHarness(SyntheticTrials.AdultOnly());
        await bot.JoinAsync();
        await bot.AnswerUntilAsync(ConversationBasicsTests.Intake(), "share:" + SyntheticTrials.Adult);
        bot.CurrentStep.Should().Be("share:" + SyntheticTrials.Adult);
        return bot;
    }

    private static int Count(BotHarness bot, IEnumerable<Activity> replies, string fragment)
    {
        var text = bot.AllText(replies);
        var count = 0;
        for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
