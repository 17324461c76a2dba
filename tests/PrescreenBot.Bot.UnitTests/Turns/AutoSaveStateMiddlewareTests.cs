using Microsoft.Extensions.Logging.Abstractions;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.Turns;

public sealed class AutoSaveStateMiddlewareTests
{
    [Fact]
    public async Task OnTurnAsync_Turn_SavesStateThenSendsReplies()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(state));
        var storedWhenReplySent = -1;
        adapter.Use(new ObservingMiddleware(() => storedWhenReplySent = storage.Count));

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await state.CreateProperty<string>("answer").SetAsync(ctx, "yes", ct);
            await ctx.SendActivityAsync("next question", cancellationToken: ct);
            ctx.Responded.Should().BeTrue();
            adapter.ActiveQueue.Should().BeEmpty("replies wait until state is saved");
        });

        adapter.GetNextReply()!.Text.Should().Be("next question");
        storedWhenReplySent.Should().Be(1);
    }

    [Fact]
    public async Task OnTurnAsync_LosesRace_RepliesDroppedAskedToRepeatStateKept()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var answers = state.CreateProperty<List<string>>("answers");
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(state));
        new TurnErrorHandler(NullLogger<TurnErrorHandler>.Instance, state).AttachTo(adapter);
        BotCallbackHandler record = async (ctx, ct) =>
        {
            (await answers.GetAsync(ctx, () => [], ct))!.Add(ctx.Activity.Text!);
            await ctx.SendActivityAsync($"got {ctx.Activity.Text}", cancellationToken: ct);
        };
        await adapter.SendTextToBotAsync("first", record);
        adapter.GetNextReply();

        // Turn A loads, then turn B runs to completion before A saves.
        await adapter.SendTextToBotAsync("A", async (ctx, ct) =>
        {
            await record(ctx, ct);
            await adapter.SendTextToBotAsync("B", record, ct);
        });

        adapter.GetNextReply()!.Text.Should().Be("got B");
        adapter.GetNextReply()!.Text.Should().Be(TurnErrorHandler.DefaultConflictMessage);
        adapter.GetNextReply().Should().BeNull();
        var check = new TurnContext(adapter, adapter.MakeActivity("check"));
        (await answers.GetAsync(check)).Should().Equal("first", "B");
    }

    private sealed class ObservingMiddleware(Action onSend) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnSendActivities((ctx, activities, sendOn) =>
            {
                onSend();
                return sendOn();
            });
            return next(cancellationToken);
        }
    }
}
