using System.Text.Json;
using PrescreenBot.Conversation.UnitTests.Support;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Session;

/// <summary>A conversation stored before the compact form (<see cref="OldStoredStates"/>) carries on after the deploy.</summary>
public sealed class OldStoredStateTests
{
    [Fact]
    public async Task StoredSession_OldForm_ReadsAnswersHistoryAndPendingAsk()
    {
        var bot = await WithOldStateAsync();

        var session = await bot.StoredSessionAsync();

        session.Answers.Should().HaveCount(33);
        session.Answers["age"].Should().BeEquivalentTo(Answer.Years(34));
        session.Answers["sex"].Choices.Should().Equal("female");
        session.Answers["hiv"].Kind.Should().Be(AnswerKind.No);
        session.Answers["hiv"].WithinDays.Should().BeNull();
        session.Answers["active-infection"].WithinDays.Should().Be(90);
        session.Answers["hepatitis-b"].WithinDays.Should().Be(0);
        session.History.Select(h => h.StepId).Should().StartWith(["consent", "respondent", "key:age"]);
        session.History.Should().HaveCount(16);
        session.History[2].Keys.Should().Equal("age");
        session.History[2].Counted.Should().BeTrue();
        session.History[0].Counted.Should().BeFalse();
        session.History.Single(h => h.StepId == "group:recent-care").Keys.Should()
            .Equal("live-vaccine", "other-trial", "plasma-exchange", "vaccine", "major-surgery");
        session.PendingAsk!.StepId.Should().Be(OldStoredStates.WaitingStep);
        session.QuestionsAsked.Should().Be(12);
    }

    [Fact]
    public async Task Answer_OldForm_RecordedAndTheNextQuestionAskedThenStoredCompactly()
    {
        var bot = await WithOldStateAsync();

        await bot.SayAsync("yes");

        bot.CurrentStep.Should().NotBe(OldStoredStates.WaitingStep, "the answer to the waiting question was understood");
        var session = await bot.StoredSessionAsync();
        session.Answers["refractory"].Kind.Should().Be(AnswerKind.Yes);
        session.Answers.Should().HaveCount(34, "every answer given before the deploy is kept");
        session.History[^1].StepId.Should().Be(OldStoredStates.WaitingStep);
        var stored = await StoredJsonAsync(bot);
        stored.Should().Contain("\"v\":2").And.Contain("\"key:refractory=yes\"").And.Contain("\"active-infection\":\"no@90\"");
        stored.Should().NotContain("{\"kind\":", "no answer is an object any more: the session is written in the compact form from now on");
    }

    [Fact]
    public async Task Help_OldForm_ExplainsTheWaitingQuestionAndAsksItAgain()
    {
        var bot = await WithOldStateAsync();

        var replies = await bot.SayAsync("help");

        var text = bot.AllText(replies);
        text.Should().Contain("Right now: Please answer Yes, No or Not sure.");
        text.Should().Contain("refractory disease");
        bot.CurrentStep.Should().Be(OldStoredStates.WaitingStep);
    }

    [Fact]
    public async Task Retry_OldForm_SaysWhatIsExpectedAndKeepsWaiting()
    {
        var bot = await WithOldStateAsync();

        var replies = await bot.SayAsync("purple");

        bot.AllText(replies).Should().Contain("Please answer Yes, No or Not sure.");
        bot.CurrentStep.Should().Be(OldStoredStates.WaitingStep);
    }

    [Fact]
    public async Task Back_OldForm_UndoesTheLastAnsweredStep()
    {
        var bot = await WithOldStateAsync();

        await bot.SayAsync("back");

        bot.CurrentStep.Should().Be("key:diagnosis-duration");
        var session = await bot.StoredSessionAsync();
        session.Answers.Should().NotContainKey("diagnosis-duration");
        session.Answers.Should().HaveCount(32);
        session.QuestionsAsked.Should().Be(11);
    }

    /// <summary>A fresh bot whose storage holds the old-form conversation, byte for byte as it was stored.</summary>
    private static async Task<BotHarness> WithOldStateAsync()
    {
        var bot = new BotHarness(SeedDialogs.Catalog);
        using var document = JsonDocument.Parse(OldStoredStates.LupusWaitingAtRefractory);
        await bot.Storage.WriteAsync(new Dictionary<string, object> { [StorageKey(bot)] = document.RootElement.Clone() });
        return bot;
    }

    private static string StorageKey(BotHarness bot) =>
        $"{bot.Adapter.Conversation.ChannelId}/conversations/{bot.Adapter.Conversation.Conversation!.Id}";

    private static async Task<string> StoredJsonAsync(BotHarness bot) =>
        ((JsonElement)(await bot.Storage.ReadAsync([StorageKey(bot)]))[StorageKey(bot)]).GetRawText();
}
