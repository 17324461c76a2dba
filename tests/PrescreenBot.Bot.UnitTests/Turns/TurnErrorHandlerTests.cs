using Microsoft.Extensions.Logging;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.Turns;

public sealed class TurnErrorHandlerTests
{
    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel}:{formatter(state, exception)}{(exception is null ? string.Empty : " WITH EXCEPTION")}");
    }

    [Fact]
    public async Task HandleAsync_Failure_ApologisesLogsTypeOnlyAndResetsConversationState()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var logger = new ListLogger<TurnErrorHandler>();
        var adapter = new TestAdapter();
        new TurnErrorHandler(logger, conversationState).AttachTo(adapter);
        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await conversationState.CreateProperty<string>("answer").SetAsync(ctx, "secret", ct);
            await conversationState.SaveChangesAsync(ctx, cancellationToken: ct);
        });

        await adapter.SendTextToBotAsync("my diagnosis is X", (ctx, ct) => throw new InvalidOperationException("patient said: my diagnosis is X"));

        var apology = adapter.GetNextReply()!;
        apology.Text.Should().StartWith("Sorry, something went wrong");
        var line = logger.Lines.Should().ContainSingle().Subject;
        line.Should().Contain("System.InvalidOperationException").And.NotContain("diagnosis").And.NotContain("WITH EXCEPTION");
        var errorId = apology.Text!.Split("Reference: ")[1].TrimEnd(')');
        line.Should().Contain(errorId);
        storage.Count.Should().Be(0);
    }

    [Fact]
    public async Task HandleAsync_LocalizedApology_Used()
    {
        var adapter = new TestAdapter(locale: "zh-CN");
        new TurnErrorHandler(new ListLogger<TurnErrorHandler>(), apology: (ctx, id) => $"抱歉，出错了（{id}）").AttachTo(adapter);

        await adapter.SendTextToBotAsync("你好", (ctx, ct) => throw new InvalidOperationException());

        adapter.GetNextReply()!.Text.Should().StartWith("抱歉，出错了");
    }

    [Fact]
    public async Task HandleAsync_SendFails_StillResetsState()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var logger = new ListLogger<TurnErrorHandler>();
        var adapter = new TestAdapter();
        new TurnErrorHandler(logger, conversationState).AttachTo(adapter);
        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await conversationState.CreateProperty<int>("n").SetAsync(ctx, 1, ct);
            await conversationState.SaveChangesAsync(ctx, cancellationToken: ct);
        });

        await adapter.SendTextToBotAsync("hi", (ctx, ct) =>
        {
            ctx.OnSendActivities((c, a, next) => throw new IOException("channel down"));
            throw new InvalidOperationException();
        });

        logger.Lines.Should().HaveCount(2).And.Contain(l => l.Contains("System.IO.IOException"));
        storage.Count.Should().Be(0);
    }
}
