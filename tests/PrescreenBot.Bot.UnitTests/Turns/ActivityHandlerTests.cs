using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.Turns;

public sealed class ActivityHandlerTests
{
    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add($"message:{turnContext.Activity.Text}");
            return Task.CompletedTask;
        }

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add($"added:{string.Join(",", membersAdded.Select(m => m.Id))}");
            return Task.CompletedTask;
        }

        protected override Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add($"removed:{string.Join(",", membersRemoved.Select(m => m.Id))}");
            return Task.CompletedTask;
        }

        protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add($"event:{turnContext.Activity.Name}");
            return Task.CompletedTask;
        }

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("install:add");
            return Task.CompletedTask;
        }

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add($"unknown:{turnContext.Activity.Type}");
            return Task.CompletedTask;
        }
    }

    private static async Task<List<string>> RunAsync(Activity activity)
    {
        var handler = new RecordingHandler();
        await new TestAdapter().ProcessActivityAsync(activity, handler.OnTurnAsync);
        return handler.Calls;
    }

    [Fact]
    public async Task OnTurnAsync_Message_DispatchedToOnMessage()
    {
        (await RunAsync(new Activity { Type = ActivityTypes.Message, Text = "hi" })).Should().Equal("message:hi");
    }

    [Fact]
    public async Task OnTurnAsync_ConversationUpdate_MembersAddedExcludeBot()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Recipient = new ChannelAccount("bot"),
            MembersAdded = [new ChannelAccount("bot"), new ChannelAccount("user1")],
            MembersRemoved = [new ChannelAccount("user2")],
        };

        (await RunAsync(activity)).Should().Equal("added:user1", "removed:user2");
    }

    [Fact]
    public async Task OnTurnAsync_OnlyBotAdded_NoMembersAddedCall()
    {
        var activity = new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = new ChannelAccount("bot"), MembersAdded = [new ChannelAccount("bot")] };

        (await RunAsync(activity)).Should().BeEmpty();
    }

    [Fact]
    public async Task OnTurnAsync_Event_DispatchedWithName()
    {
        (await RunAsync(new Activity { Type = ActivityTypes.Event, Name = "prescreen/start" })).Should().Equal("event:prescreen/start");
    }

    [Fact]
    public async Task OnTurnAsync_InstallationAdd_Dispatched()
    {
        (await RunAsync(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" })).Should().Equal("install:add");
    }

    [Fact]
    public async Task OnTurnAsync_UnknownType_GoesToUnrecognized()
    {
        (await RunAsync(new Activity { Type = "futureType" })).Should().Equal("unknown:futureType");
    }

    [Fact]
    public async Task OnTurnAsync_Invoke_DefaultNotImplementedInTurnState()
    {
        var adapter = new TestAdapter();
        InvokeResponse? response = null;
        var handler = new ActivityHandler();

        await adapter.ProcessActivityAsync(new Activity { Type = ActivityTypes.Invoke, Name = "x" }, async (ctx, ct) =>
        {
            await handler.OnTurnAsync(ctx, ct);
            response = ctx.TurnState[BotAdapter.InvokeResponseKey] as InvokeResponse;
        });

        response!.Status.Should().Be(501);
        adapter.ActiveQueue.Should().BeEmpty();
    }
}
