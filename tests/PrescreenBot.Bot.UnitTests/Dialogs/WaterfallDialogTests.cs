using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.UnitTests.Dialogs;

public sealed class WaterfallDialogTests
{
    private static ComponentDialog Profile(List<object?>? finalValues = null)
    {
        var component = new ComponentDialog("profile");
        component.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Name?") }, ct),
            (step, ct) =>
            {
                step.Values["name"] = step.Result;
                return step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("Age?") }, ct);
            },
            async (step, ct) =>
            {
                step.Values["age"] = step.Result;
                var name = step.Values.Get<string>("name");
                var age = step.Values.Get<int>("age");
                finalValues?.AddRange([name, age]);
                await step.Context.SendActivityAsync($"{name} is {age}", cancellationToken: ct);
                return await step.EndDialogAsync(age, ct);
            },
        ]));
        component.AddDialog(new TextPrompt("text"));
        component.AddDialog(new NumberPrompt<int>("number"));
        return component;
    }

    [Fact]
    public async Task RunAsync_ValuesAcrossTurns_SurviveStorageRoundTripTyped()
    {
        var values = new List<object?>();
        var harness = new DialogHarness(Profile(values));

        await harness.Flow
            .Send("hi").AssertReply("Name?")
            .Send("Pat").AssertReply("Age?")
            .Send("forty-two").AssertReply("Pat is 42")
            .StartTestAsync();

        values.Should().Equal("Pat", 42);
        harness.Results[^1].Status.Should().Be(DialogTurnStatus.Complete);
        harness.Results[^1].Result.Should().Be(42);
    }

    [Fact]
    public async Task NextAsync_CalledTwice_Throws()
    {
        Exception? caught = null;
        var waterfall = new WaterfallDialog("w",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                try
                {
                    return await step.NextAsync(null, ct);
                }
                catch (InvalidOperationException ex)
                {
                    caught = ex;
                    return Dialog.EndOfTurn;
                }
            },
            (step, ct) => step.EndDialogAsync("done", ct),
        ]);
        var harness = new DialogHarness(waterfall);

        await harness.Flow.Send("go").StartTestAsync();

        caught.Should().NotBeNull();
        caught!.Message.Should().Contain("already called");
    }

    [Fact]
    public async Task NextAsync_SkipsToNextStepWithResult()
    {
        var waterfall = new WaterfallDialog("w",
        [
            (step, ct) => step.NextAsync("skipped", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"got {step.Result} at {step.Index}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var harness = new DialogHarness(waterfall);

        await harness.Flow.Send("go").AssertReply("got skipped at 1").StartTestAsync();
    }

    [Fact]
    public async Task ReplaceDialogAsync_RestartsWaterfallWithNewOptions()
    {
        var component = new ComponentDialog("loop");
        component.AddDialog(new WaterfallDialog("round",
        [
            (step, ct) =>
            {
                var round = step.GetOptions<int?>() ?? 1;
                step.Values["round"] = round;
                return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"Round {round}?") }, ct);
            },
            (step, ct) => step.ReplaceDialogAsync("round", step.Values.Get<int>("round") + 1, ct),
        ]));
        component.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(component);

        await harness.Flow
            .Send("hi").AssertReply("Round 1?")
            .Send("a").AssertReply("Round 2?")
            .Send("b").AssertReply("Round 3?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_NonMessageActivity_DoesNotAdvance()
    {
        var harness = new DialogHarness(Profile());

        await harness.Flow
            .Send("hi").AssertReply("Name?")
            .Send(new Activity { Type = ActivityTypes.Event, Name = "ping" })
            .AssertNoReply()
            .Send("Pat").AssertReply("Age?")
            .StartTestAsync();
    }

    [Fact]
    public async Task StoredState_MidConversation_IsSmall()
    {
        var harness = new DialogHarness(Profile());

        await harness.Flow.Send("hi").Send("Pat").StartTestAsync();

        (await harness.StoredStateBytesAsync()).Should().BeLessThan(1024);
    }

    [Fact]
    public async Task BeginDialogAsync_UnknownDialog_ThrowsClearError()
    {
        var waterfall = new WaterfallDialog("w", [(step, ct) => step.BeginDialogAsync("nope", null, ct)]);
        var harness = new DialogHarness(waterfall);

        var run = () => harness.Flow.Send("x").StartTestAsync();

        (await run.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("'nope'");
    }

    [Fact]
    public void DialogSet_DifferentDialogSameId_Throws()
    {
        var set = new DialogSet();
        set.Add(new TextPrompt("a"));

        var add = () => set.Add(new TextPrompt("a"));

        add.Should().Throw<ArgumentException>();
    }
}
