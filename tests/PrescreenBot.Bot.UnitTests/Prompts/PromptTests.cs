using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Prompts;

public sealed class PromptTests
{
    [Fact]
    public async Task BeginDialogAsync_Prompt_SentWithExpectingInput()
    {
        var harness = PromptTestBed.For(new TextPrompt("p"), PromptTestBed.Ask("Name?"));

        await harness.Flow.Send("hi").AssertReply(reply =>
        {
            reply.Text.Should().Be("Name?");
            reply.InputHint.Should().Be(InputHints.ExpectingInput);
        }).StartTestAsync();
    }

    [Fact]
    public async Task BeginDialogAsync_WithoutPromptOptions_ThrowsClearError()
    {
        var component = new PrescreenBot.Bot.Dialogs.ComponentDialog("c");
        component.AddDialog(new PrescreenBot.Bot.Dialogs.WaterfallDialog("w", [(step, ct) => step.BeginDialogAsync("p", "not options", ct)]));
        component.AddDialog(new TextPrompt("p"));
        var harness = new DialogHarness(component);

        var run = () => harness.Flow.Send("x").StartTestAsync();

        (await run.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("PromptOptions");
    }

    [Fact]
    public async Task ContinueDialogAsync_Unrecognized_SendsRetryPrompt()
    {
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), PromptTestBed.Ask("Age?", "A number please."));

        await harness.Flow
            .Send("hi").AssertReply("Age?")
            .Send("old").AssertReply("A number please.")
            .Send("42").AssertReply("result: 42")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_NoRetryPrompt_RepeatsPrompt()
    {
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), PromptTestBed.Ask("Age?"));

        await harness.Flow.Send("hi").AssertReply("Age?").Send("old").AssertReply("Age?").StartTestAsync();
    }

    [Fact]
    public async Task Validator_AttemptCount_StartsAtOneAndCountsEachAnswer()
    {
        var seen = new List<int>();
        var prompt = new TextPrompt("p", (context, ct) =>
        {
            seen.Add(context.AttemptCount);
            return Task.FromResult(context.AttemptCount == 3);
        });
        var harness = PromptTestBed.For(prompt, PromptTestBed.Ask("Q?"));

        await harness.Flow.Send("hi").AssertReply("Q?").Send("a").AssertReply("Q?").Send("b").AssertReply("Q?").Send("c").AssertReply("result: c").StartTestAsync();

        seen.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Validator_SendsOwnMessage_RetryPromptSuppressed()
    {
        var prompt = new NumberPrompt<int>("p", async (context, ct) =>
        {
            if (context.Recognized.Value is >= 0 and < 120)
            {
                return true;
            }

            await context.Context.SendActivityAsync("That age looks wrong.", cancellationToken: ct);
            return false;
        });
        var harness = PromptTestBed.For(prompt, PromptTestBed.Ask("Age?", "Retry"));

        await harness.Flow
            .Send("hi").AssertReply("Age?")
            .Send("200").AssertReply("That age looks wrong.")
            .AssertNoReply()
            .Send("30").AssertReply("result: 30")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_Exhausted_EndsWithNotRecognized()
    {
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), PromptTestBed.Ask("Age?", "Retry"));

        await harness.Flow
            .Send("hi").AssertReply("Age?")
            .Send("a").AssertReply("Retry")
            .Send("b").AssertReply("Retry")
            .Send("c").AssertReply($"result: not recognized after {Prompt<int>.DefaultMaxAttempts}")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_FromOptions_OverridesDefault()
    {
        var options = PromptTestBed.Ask("Age?", "Retry");
        options.MaxAttempts = 1;
        var harness = PromptTestBed.For(new NumberPrompt<int>("p"), options);

        await harness.Flow.Send("hi").AssertReply("Age?").Send("a").AssertReply("result: not recognized after 1").StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_ZeroMeansNeverGiveUp()
    {
        var prompt = new NumberPrompt<int>("p") { MaxAttempts = 0 };
        var harness = PromptTestBed.For(prompt, PromptTestBed.Ask("Age?", "Retry"));
        harness.Flow.Send("hi").AssertReply("Age?");
        for (var i = 0; i < 6; i++)
        {
            harness.Flow.Send("x").AssertReply("Retry");
        }

        await harness.Flow.Send("7").AssertReply("result: 7").StartTestAsync();
    }

    [Fact]
    public async Task SendingPrompt_DoesNotAddAddressingToStoredOptions()
    {
        var harness = PromptTestBed.For(new TextPrompt("p"), PromptTestBed.Ask("Name?"));

        await harness.Flow.Send("hi").AssertReply("Name?").StartTestAsync();

        var json = System.Text.Json.JsonSerializer.Serialize(await harness.Storage.ReadAsync(["test/conversations/Convo1"]));
        json.Should().NotContain("user1").And.NotContain("serviceUrl");
    }
}
