using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Dialogs.Interruptions;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Dialogs.Interruptions;

public sealed class InterruptibleDialogTests
{
    private static readonly string[] Q = TwelveQuestionDialog.Questions;

    private static DialogHarness Harness(string locale = "en-US", InterruptionTexts? texts = null) =>
        new(new TwelveQuestionDialog(texts), locale, new FixedTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Help_AtPrompt_SaysHelpAndAsksAgain()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("Help").AssertReply(InterruptionTexts.DefaultHelp).AssertReply(Q[0])
            .Send("Pat").AssertReply(Q[1])
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_AtSecondQuestion_ReasksFirstAndNewAnswerIsKept()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("Pat").AssertReply(Q[1])
            .Send("go back").AssertReply(Q[0])
            .Send("Sam").AssertReply(Q[1])
            .StartTestAsync();

        var state = await harness.Storage.ReadAsync(["test/conversations/Convo1"]);
        System.Text.Json.JsonSerializer.Serialize(state).Should().Contain("Sam").And.NotContain("Pat");
    }

    [Fact]
    public async Task Back_AtFirstQuestion_SaysSoAndAsksAgain()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("back").AssertReply(InterruptionTexts.DefaultNothingToGoBackTo).AssertReply(Q[0])
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_Twice_GoesBackTwoQuestionsWithOriginalResults()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("Pat").AssertReply(Q[1])
            .Send("42").AssertReply(Q[2])
            .Send("yes").AssertReply(Q[3])
            .Send("back").AssertReply(Q[2])
            .Send("back").AssertReply(Q[1])
            .Send("43").AssertReply(Q[2])
            .StartTestAsync();

        var json = System.Text.Json.JsonSerializer.Serialize(await harness.Storage.ReadAsync(["test/conversations/Convo1"]));
        json.Should().Contain("\"q1\":\"Pat\"").And.Contain("\"q2\":\"43\"");
    }

    [Fact]
    public async Task StartOver_MidWay_ClearsAnswersAndAsksFirstQuestion()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("Pat").AssertReply(Q[1])
            .Send("start over").AssertReply(InterruptionTexts.DefaultStartOver).AssertReply(Q[0])
            .StartTestAsync();

        var json = System.Text.Json.JsonSerializer.Serialize(await harness.Storage.ReadAsync(["test/conversations/Convo1"]));
        json.Should().NotContain("Pat");
    }

    [Fact]
    public async Task Stop_AtPrompt_SaysGoodbyeAndCancels()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("stop").AssertReply(InterruptionTexts.DefaultStop)
            .AssertNoReply()
            .StartTestAsync();

        harness.Results[^1].Status.Should().Be(DialogTurnStatus.Cancelled);
    }

    [Fact]
    public async Task Commands_InChinese_Recognized()
    {
        var harness = Harness("zh-CN");

        await harness.Flow
            .Send("你好").AssertReply(Q[0])
            .Send("小明").AssertReply(Q[1])
            .Send("上一步").AssertReply(Q[0])
            .Send("帮助").AssertReply(InterruptionTexts.DefaultHelp).AssertReply(Q[0])
            .Send("重新开始").AssertReply(InterruptionTexts.DefaultStartOver).AssertReply(Q[0])
            .Send("退出").AssertReply(InterruptionTexts.DefaultStop)
            .StartTestAsync();
    }

    [Fact]
    public async Task Texts_SuppliedByCaller_AreUsed()
    {
        var texts = new InterruptionTexts { Help = "需要帮助吗？", Stop = "已停止。" };
        var harness = Harness("zh-CN", texts);

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("帮助").AssertReply("需要帮助吗？").AssertReply(Q[0])
            .Send("停止").AssertReply("已停止。")
            .StartTestAsync();
    }

    [Fact]
    public async Task CommandWordInsideAnswer_IsAnAnswerNotACommand()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("Stop Smith").AssertReply(Q[1])
            .StartTestAsync();
    }

    /// <summary>The transcript of issue 2's "done when": 12 questions with retries, back and start over.</summary>
    [Fact]
    public async Task Transcript_TwelveQuestions_WithRetriesBackAndStartOver()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send("Pat").AssertReply(Q[1])
            .Send("old enough").AssertReply(TwelveQuestionDialog.AgeRetry)
            .Send("150").AssertReply(TwelveQuestionDialog.AgeRetry)
            .Send("42 years").AssertReply(Q[2]).AssertSuggestedActions("Yes", "No", "Not sure")
            .Send("yse").AssertReply(Q[3]).AssertSuggestedActions("Car", "Bus", "Bicycle")
            .Send("back").AssertReply(Q[2])
            .Send("nope").AssertReply(Q[3])
            .Send("bycicle").AssertReply(Q[4]).AssertSuggestedActions("Yes", "No")
            .Send("help").AssertReply(InterruptionTexts.DefaultHelp).AssertReply(Q[4])
            .Send("no").AssertReply(Q[5])
            .Send("start over").AssertReply(InterruptionTexts.DefaultStartOver).AssertReply(Q[0])
            .Send("Sam").AssertReply(Q[1])
            .Send("thirty-four").AssertReply(Q[2])
            .Send("dunno").AssertReply(Q[3])
            .Send("the second one").AssertReply(Q[4])
            .Send("yes").AssertReply(Q[5])
            .Send("March 2024").AssertReply(Q[6])
            .Send("idk").AssertReply(Q[7])
            .Send("Not sure").AssertReply(Q[8])
            .Send("no").AssertReply(Q[9])
            .Send("purple").AssertReply(Q[9])
            .Send("nah").AssertReply(Q[10])
            .Send("back").AssertReply(Q[9])
            .Send("yes").AssertReply(Q[10])
            .Send("maybe").AssertReply(Q[11])
            .Send("3").AssertReplyContains("Summary: ")
            .AssertReplyHas(reply => reply.Text.Should().Be(
                "Summary: q1=Sam, q2=34, q3=NotSure, q4=Bus, q5=yes, q6=2024-03, q7=NotSure, q8=NotSure, q9=No, q10=Yes, q11=NotSure, q12=NotSure"))
            .StartTestAsync();

        harness.Results[^1].Status.Should().Be(DialogTurnStatus.Complete);
    }

    [Fact]
    public async Task StoredState_AtLastQuestion_IsWellUnderTwoKilobytes()
    {
        var harness = Harness();
        harness.Flow.Send("hi").Send("Pat").Send("42");
        foreach (var answer in new[] { "yes", "car", "no", "2024-03-01", "no", "no", "no", "no", "no" })
        {
            harness.Flow.Send(answer);
        }

        await harness.Flow.StartTestAsync();

        (await harness.StoredStateBytesAsync()).Should().BeLessThan(2048);
        harness.Results[^1].Status.Should().Be(DialogTurnStatus.Waiting);
    }

    [Fact]
    public async Task NonMessage_DuringPrompt_IsIgnored()
    {
        var harness = Harness();

        await harness.Flow
            .Send("hi").AssertReply(Q[0])
            .Send(new Activity { Type = ActivityTypes.Typing })
            .AssertNoReply()
            .StartTestAsync();
    }
}
