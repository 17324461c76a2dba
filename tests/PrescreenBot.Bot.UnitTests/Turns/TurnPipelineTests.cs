using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.Turns;

public sealed class TurnPipelineTests
{
    private sealed class RecordingMiddleware(List<string> log, string name) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add($"{name}:before");
            await next(cancellationToken);
            log.Add($"{name}:after");
        }
    }

    [Fact]
    public async Task RunPipeline_Middleware_RunsInOrderAroundBot()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new RecordingMiddleware(log, "a")).Use(new RecordingMiddleware(log, "b"));

        await adapter.SendTextToBotAsync("hi", (ctx, ct) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });

        log.Should().Equal("a:before", "b:before", "bot", "b:after", "a:after");
    }

    [Fact]
    public async Task SendActivityAsync_Reply_AddressedBackToUserAndMarksResponded()
    {
        var adapter = new TestAdapter();
        bool? respondedBefore = null;

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            respondedBefore = ctx.Responded;
            await ctx.SendActivityAsync("hello", cancellationToken: ct);
            ctx.Responded.Should().BeTrue();
        });

        respondedBefore.Should().BeFalse();
        var reply = adapter.GetNextReply()!;
        reply.Text.Should().Be("hello");
        reply.From!.Id.Should().Be("bot");
        reply.Recipient!.Id.Should().Be("user1");
        reply.Conversation!.Id.Should().Be("Convo1");
        reply.ReplyToId.Should().NotBeNull();
        reply.Locale.Should().Be("en-US");
    }

    [Fact]
    public async Task SendActivityAsync_TraceOnly_DoesNotMarkResponded()
    {
        var adapter = new TestAdapter();
        var responded = true;

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await ctx.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "t" }, ct);
            responded = ctx.Responded;
        });

        responded.Should().BeFalse();
    }

    [Fact]
    public async Task OnSendActivities_Hook_CanChangeOutgoingActivities()
    {
        var adapter = new TestAdapter();

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            ctx.OnSendActivities((c, activities, next) =>
            {
                activities.ForEach(a => a.Text = a.Text!.ToUpperInvariant());
                return next();
            });
            await ctx.SendActivityAsync("hello", cancellationToken: ct);
        });

        adapter.GetNextReply()!.Text.Should().Be("HELLO");
    }

    [Fact]
    public async Task UpdateAndDelete_Hooks_RunThenReachAdapter()
    {
        var adapter = new TestAdapter();
        var seen = new List<string>();

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            ctx.OnUpdateActivity((c, a, next) => { seen.Add("update"); return next(); });
            ctx.OnDeleteActivity((c, r, next) => { seen.Add("delete"); return next(); });
            await ctx.UpdateActivityAsync(new Activity { Type = ActivityTypes.Message, Id = "r1", Text = "new" }, ct);
            await ctx.DeleteActivityAsync("r1", ct);
        });

        seen.Should().Equal("update", "delete");
        adapter.UpdatedActivities.Single().Text.Should().Be("new");
        adapter.DeletedActivities.Single().ActivityId.Should().Be("r1");
    }

    [Fact]
    public async Task ProcessActivityAsync_ExpectReplies_BuffersRepliesInsteadOfSending()
    {
        var adapter = new TestAdapter();
        var activity = adapter.MakeActivity("hi");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        var replies = await adapter.ProcessActivityAsync(activity, async (ctx, ct) =>
        {
            await ctx.SendActivityAsync("one", cancellationToken: ct);
            await ctx.SendActivityAsync("two", cancellationToken: ct);
        });

        replies.Select(r => r.Text).Should().Equal("one", "two");
        adapter.ActiveQueue.Should().BeEmpty();
    }

    [Fact]
    public async Task RunPipeline_BotThrows_OnTurnErrorReceivesException()
    {
        var adapter = new TestAdapter();
        Exception? caught = null;
        adapter.OnTurnError = (ctx, ex) =>
        {
            caught = ex;
            return Task.CompletedTask;
        };

        await adapter.SendTextToBotAsync("hi", (ctx, ct) => throw new InvalidOperationException("boom"));

        caught.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task RunPipeline_NoErrorHandler_ExceptionPropagates()
    {
        var adapter = new TestAdapter();

        var run = () => adapter.SendTextToBotAsync("hi", (ctx, ct) => throw new InvalidOperationException("boom"));

        await run.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task ContinueConversationAsync_Reference_RunsProactiveTurnInThatConversation()
    {
        var adapter = new TestAdapter();
        var reference = adapter.MakeActivity("x").GetConversationReference();
        Activity? seen = null;

        await adapter.ContinueConversationAsync(reference, async (ctx, ct) =>
        {
            seen = ctx.Activity;
            await ctx.SendActivityAsync("reminder", cancellationToken: ct);
        });

        seen!.Type.Should().Be(ActivityTypes.Event);
        seen.Name.Should().Be(ActivityEventNames.ContinueConversation);
        adapter.GetNextReply()!.Recipient!.Id.Should().Be("user1");
    }

    [Fact]
    public void CreateReply_Message_SwapsAddressing()
    {
        var incoming = new TestAdapter().MakeActivity("hi");
        incoming.Id = "42";

        var reply = incoming.CreateReply("hello");

        reply.From!.Id.Should().Be("bot");
        reply.Recipient!.Id.Should().Be("user1");
        reply.ReplyToId.Should().Be("42");
        reply.Text.Should().Be("hello");
    }
}
