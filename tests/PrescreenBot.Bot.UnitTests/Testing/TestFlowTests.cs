using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.Testing;

public sealed class TestFlowTests
{
    private static readonly BotCallbackHandler Echo = async (ctx, ct) =>
    {
        if (ctx.Activity.IsType(ActivityTypes.Message))
        {
            await ctx.SendActivityAsync(MessageFactory.SuggestedActions(["A", "B"], $"echo {ctx.Activity.Text}"), ct);
        }
    };

    [Fact]
    public async Task StartTestAsync_MatchingTranscript_Passes()
    {
        await new TestFlow(new TestAdapter(), Echo)
            .Test("hi", "echo hi").AssertSuggestedActions("A", "B")
            .Send("x").AssertReplyContains("x")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task StartTestAsync_WrongText_FailsNamingStep()
    {
        var run = () => new TestFlow(new TestAdapter(), Echo).Send("hi").AssertReply("nope").StartTestAsync();

        (await run.Should().ThrowAsync<TestFlowAssertionException>()).Which.Message.Should().Contain("Step 2").And.Contain("echo hi");
    }

    [Fact]
    public async Task StartTestAsync_WrongButtons_Fails()
    {
        var run = () => new TestFlow(new TestAdapter(), Echo).Send("hi").AssertReply("echo hi").AssertSuggestedActions("B", "A").StartTestAsync();

        (await run.Should().ThrowAsync<TestFlowAssertionException>()).Which.Message.Should().Contain("[A, B]");
    }

    [Fact]
    public async Task StartTestAsync_MissingReply_Fails()
    {
        var run = () => new TestFlow(new TestAdapter(), (ctx, ct) => Task.CompletedTask).Send("hi").AssertReply("x").StartTestAsync();

        await run.Should().ThrowAsync<TestFlowAssertionException>().WithMessage("*sent nothing more*");
    }

    [Fact]
    public async Task SendConversationUpdate_AddsUserAndBot()
    {
        Activity? seen = null;
        await new TestFlow(new TestAdapter(), (ctx, ct) =>
        {
            seen = ctx.Activity;
            return Task.CompletedTask;
        }).SendConversationUpdate().StartTestAsync();

        seen!.MembersAdded!.Select(m => m.Id).Should().Equal("user1", "bot");
        seen.Recipient!.Id.Should().Be("bot");
    }
}
