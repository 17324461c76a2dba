using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Dialogs;

public sealed class DialogContextTests
{
    [Fact]
    public async Task CancelAllDialogsAsync_FromStep_ReturnsCancelledAndEmptiesStack()
    {
        var component = new ComponentDialog("c");
        component.AddDialog(new WaterfallDialog("w",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Q?") }, ct),
            (step, ct) => step.Parent!.CancelAllDialogsAsync(ct),
        ]));
        component.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(component);

        await harness.Flow.Send("hi").AssertReply("Q?").Send("x").StartTestAsync();

        harness.Results[^1].Status.Should().Be(DialogTurnStatus.Cancelled);
        harness.Results[^1].ParentEnded.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_AfterCompletion_BeginsAgain()
    {
        var waterfall = new WaterfallDialog("w",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("once", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var harness = new DialogHarness(waterfall);

        await harness.Flow.Send("a").AssertReply("once").Send("b").AssertReply("once").StartTestAsync();
    }

    [Fact]
    public async Task EndDialogAsync_ChildComponent_ResumesParentWaterfallWithResult()
    {
        var inner = new ComponentDialog("inner");
        inner.AddDialog(new WaterfallDialog("innerSteps",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Inner?") }, ct),
            (step, ct) => step.EndDialogAsync($"inner:{step.Result}", ct),
        ]));
        inner.AddDialog(new TextPrompt("text"));
        var outer = new ComponentDialog("outer");
        outer.AddDialog(new WaterfallDialog("outerSteps",
        [
            (step, ct) => step.BeginDialogAsync("inner", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"outer got {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        outer.AddDialog(inner);
        var harness = new DialogHarness(outer);

        await harness.Flow.Send("hi").AssertReply("Inner?").Send("x").AssertReply("outer got inner:x").StartTestAsync();
    }
}
