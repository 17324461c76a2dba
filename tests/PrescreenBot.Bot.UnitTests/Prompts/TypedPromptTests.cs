using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Prompts;

public sealed class TypedPromptTests
{
    private static readonly FixedTimeProvider Now = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("Pat", "result: Pat")]
    [InlineData("  two words ", "result:   two words ")]
    public async Task TextPrompt_AnyText_Accepted(string input, string expected)
    {
        var harness = PromptTestBed.For(new TextPrompt("p"), PromptTestBed.Ask("Q?"));

        await harness.Flow.Send("hi").AssertReply("Q?").Send(input).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_BlankText_Retried()
    {
        var harness = PromptTestBed.For(new TextPrompt("p"), PromptTestBed.Ask("Q?", "Type something."));

        await harness.Flow.Send("hi").AssertReply("Q?").Send("   ").AssertReply("Type something.").StartTestAsync();
    }

    [Theory]
    [InlineData("42", "result: 42")]
    [InlineData("forty-two", "result: 42")]
    [InlineData("I am 42 years old", "result: 42")]
    [InlineData("twelve", "result: 12")]
    public async Task NumberPrompt_Int_RecognizesDigitsAndWords(string input, string expected)
    {
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), PromptTestBed.Ask("Q?"));

        await harness.Flow.Send("hi").AssertReply("Q?").Send(input).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_IntWithFraction_NotRecognized()
    {
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), PromptTestBed.Ask("Q?", "Whole number please."));

        await harness.Flow.Send("hi").AssertReply("Q?").Send("42.5").AssertReply("Whole number please.").StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_Decimal_KeepsFraction()
    {
        var harness = PromptTestBed.For(new NumberPrompt<decimal>("p"), PromptTestBed.Ask("Q?"));

        await harness.Flow.Send("hi").AssertReply("Q?").Send("42.5 kg").AssertReply("result: 42.5").StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_ByteOverflow_NotRecognized()
    {
        var harness = PromptTestBed.For(new NumberPrompt<byte>("p"), PromptTestBed.Ask("Q?", "Retry"));

        await harness.Flow.Send("hi").AssertReply("Q?").Send("300").AssertReply("Retry").StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_Chinese_RecognizesNumerals()
    {
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), PromptTestBed.Ask("年龄？"), locale: "zh-CN");

        await harness.Flow.Send("你好").AssertReply("年龄？").Send("七十二岁").AssertReply("result: 72").StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_Default_ShowsSuggestedActions()
    {
        var harness = PromptTestBed.For(new ChoicePrompt("p"), new PromptOptions { Prompt = MessageFactory.Text("Travel?"), Choices = ChoiceFactory.ToChoices(["Car", "Bus", "Bicycle"]) });

        await harness.Flow.Send("hi").AssertReply("Travel?").AssertSuggestedActions("Car", "Bus", "Bicycle").StartTestAsync();
    }

    [Theory]
    [InlineData("bus", "result: Bus#1")]
    [InlineData("2", "result: Bus#1")]
    [InlineData("the third one", "result: Bicycle#2")]
    [InlineData("I usually take the car", "result: Car#0")]
    [InlineData("bycicle", "result: Bicycle#2")]
    [InlineData("last", "result: Bicycle#2")]
    [InlineData("coach", "result: Bus#1")]
    public async Task ChoicePrompt_Recognizes(string input, string expected)
    {
        var choices = new List<Choice> { new("Car"), new("Bus", "coach"), new("Bicycle", "bike") };
        var harness = PromptTestBed.For(new ChoicePrompt("p"), new PromptOptions { Prompt = MessageFactory.Text("Travel?"), Choices = choices });

        await harness.Flow.Send("hi").AssertReply("Travel?").Send(input).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_NoMatch_RetriesWithChoices()
    {
        var harness = PromptTestBed.For(new ChoicePrompt("p"), new PromptOptions { Prompt = MessageFactory.Text("Travel?"), RetryPrompt = MessageFactory.Text("Pick one:"), Choices = ChoiceFactory.ToChoices(["Car", "Bus"]) });

        await harness.Flow.Send("hi").AssertReply("Travel?").Send("rocket").AssertReply("Pick one:").AssertSuggestedActions("Car", "Bus").StartTestAsync();
    }

    [Theory]
    [InlineData(ListStyle.Inline, "Travel? (1) Car, (2) Bus, or (3) Bicycle")]
    [InlineData(ListStyle.List, "Travel?\n\n   1. Car\n\n   2. Bus\n\n   3. Bicycle")]
    public async Task ChoicePrompt_TextStyles_RenderChoicesInText(ListStyle style, string expected)
    {
        var harness = PromptTestBed.For(new ChoicePrompt("p"), new PromptOptions { Prompt = MessageFactory.Text("Travel?"), Style = style, Choices = ChoiceFactory.ToChoices(["Car", "Bus", "Bicycle"]) });

        await harness.Flow.Send("hi").AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_HeroCardStyle_RendersButtonsOnCard()
    {
        var harness = PromptTestBed.For(new ChoicePrompt("p"), new PromptOptions { Prompt = MessageFactory.Text("Travel?"), Style = ListStyle.HeroCard, Choices = ChoiceFactory.ToChoices(["Car", "Bus"]) });

        await harness.Flow.Send("hi").AssertReply(reply =>
        {
            reply.Attachments.Should().ContainSingle().Which.ContentType.Should().Be(ContentTypes.HeroCard);
        }).AssertSuggestedActions("Car", "Bus").StartTestAsync();
    }

    [Theory]
    [InlineData("yes", "result: True")]
    [InlineData("Nope", "result: False")]
    [InlineData("1", "result: True")]
    [InlineData("2", "result: False")]
    public async Task ConfirmPrompt_Recognizes(string input, string expected)
    {
        var harness = PromptTestBed.For(new ConfirmPrompt("p"), PromptTestBed.Ask("Agree?"));

        await harness.Flow.Send("hi").AssertReply("Agree?").AssertSuggestedActions("Yes", "No").Send(input).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_NotSure_IsNotAnAnswer()
    {
        var harness = PromptTestBed.For(new ConfirmPrompt("p"), PromptTestBed.Ask("Agree?", "Yes or no?"));

        await harness.Flow.Send("hi").AssertReply("Agree?").Send("not sure").AssertReply("Yes or no?").StartTestAsync();
    }

    [Theory]
    [InlineData("Yes", "result: Yes")]
    [InlineData("No", "result: No")]
    [InlineData("Not sure", "result: NotSure")]
    [InlineData("I don't know", "result: NotSure")]
    [InlineData("3", "result: NotSure")]
    [InlineData("yep", "result: Yes")]
    public async Task YesNoUnsurePrompt_Recognizes(string input, string expected)
    {
        var harness = PromptTestBed.For(new YesNoUnsurePrompt("p"), PromptTestBed.Ask("Smoke?"));

        await harness.Flow.Send("hi").AssertReply("Smoke?").AssertSuggestedActions("Yes", "No", "Not sure").Send(input).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task YesNoUnsurePrompt_Chinese_LocalizedButtonsAndAnswers()
    {
        var harness = PromptTestBed.For(new YesNoUnsurePrompt("p"), PromptTestBed.Ask("您吸烟吗？"), locale: "zh-CN");

        await harness.Flow
            .Send("你好").AssertReply("您吸烟吗？").AssertSuggestedActions("是", "否", "不确定")
            .Send("不知道").AssertReply("result: NotSure")
            .StartTestAsync();
    }

    [Fact]
    public async Task YesNoUnsurePrompt_CustomChoices_MapByPosition()
    {
        var options = PromptTestBed.Ask("Smoke?");
        options.Choices = ChoiceFactory.ToChoices(["Yes", "No", "I don't know"]);
        var harness = PromptTestBed.For(new YesNoUnsurePrompt("p"), options);

        await harness.Flow.Send("hi").AssertReply("Smoke?").AssertSuggestedActions("Yes", "No", "I don't know").Send("I don't know").AssertReply("result: NotSure").StartTestAsync();
    }

    [Theory]
    [InlineData("March 2024", "result: 2024-03")]
    [InlineData("2024-03-01", "result: 2024-03-01")]
    [InlineData("2 weeks ago", "result: 2026-11-07")]
    [InlineData("yesterday", "result: 2026-11-20")]
    public async Task DateTimePrompt_Recognizes(string input, string expected)
    {
        var harness = PromptTestBed.For(new DateTimePrompt("p", timeProvider: Now), PromptTestBed.Ask("When?"), time: Now);

        await harness.Flow.Send("hi").AssertReply("When?").Send(input).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task DateTimePrompt_RelativeDate_UsesActivityLocalTimestamp()
    {
        var harness = PromptTestBed.For(new DateTimePrompt("p", timeProvider: Now), PromptTestBed.Ask("When?"), time: Now);
        var answer = harness.Adapter.MakeActivity("yesterday");
        answer.LocalTimestamp = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));

        await harness.Flow.Send("hi").AssertReply("When?").Send(answer).AssertReply("result: 2024-12-31").StartTestAsync();
    }

    [Fact]
    public async Task DateTimePrompt_Chinese_YearMonth()
    {
        var harness = PromptTestBed.For(new DateTimePrompt("p", timeProvider: Now), PromptTestBed.Ask("什么时候？"), locale: "zh-CN", time: Now);

        await harness.Flow.Send("你好").AssertReply("什么时候？").Send("2024年3月").AssertReply("result: 2024-03").StartTestAsync();
    }
}
