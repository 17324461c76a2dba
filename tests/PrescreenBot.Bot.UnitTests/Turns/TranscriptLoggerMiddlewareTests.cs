using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.UnitTests.Turns;

public sealed class TranscriptLoggerMiddlewareTests
{
    private sealed class ListLogger : ITranscriptLogger
    {
        public List<Activity> Logged { get; } = [];

        public Task LogActivityAsync(IActivity activity, CancellationToken cancellationToken = default)
        {
            Logged.Add((Activity)activity);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task OnTurnAsync_TurnExcludedFromTranscript_LogsNothingOfIt()
    {
        var logger = new ListLogger();
        var adapter = new TestAdapter();
        adapter.Use(new TranscriptLoggerMiddleware(logger));

        await adapter.SendTextToBotAsync("delete my data", async (ctx, ct) =>
        {
            await ctx.SendActivityAsync("deleted", cancellationToken: ct);
            ctx.ExcludeFromTranscript();
        });
        await adapter.SendTextToBotAsync("hi", (ctx, ct) => ctx.SendActivityAsync("hello", cancellationToken: ct));

        logger.Logged.Select(a => a.Text).Should().Equal("hi", "hello");
    }

    [Fact]
    public async Task OnTurnAsync_InAndOut_LoggedInOrderAsCopies()
    {
        var logger = new ListLogger();
        var adapter = new TestAdapter();
        adapter.Use(new TranscriptLoggerMiddleware(logger));

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await ctx.SendActivityAsync("one", cancellationToken: ct);
            await ctx.SendActivityAsync("two", cancellationToken: ct);
            await ctx.UpdateActivityAsync(new Activity { Type = ActivityTypes.Message, Id = "x", Text = "edited" }, ct);
            await ctx.DeleteActivityAsync("x", ct);
        });

        logger.Logged.Select(a => $"{a.Type}:{a.Text}").Should().Equal("message:hi", "message:one", "message:two", "messageUpdate:edited", "messageDelete:");
        logger.Logged[0].From!.Role.Should().Be(RoleTypes.User);
        logger.Logged.Skip(1).Should().OnlyContain(a => a.Id != null && a.Timestamp != null);
        var sent = adapter.GetNextReply()!;
        logger.Logged[1].Should().NotBeSameAs(sent);
    }

    [Fact]
    public async Task OnTurnAsync_BotThrows_StillLogsWhatHappened()
    {
        var logger = new ListLogger();
        var adapter = new TestAdapter();
        adapter.Use(new TranscriptLoggerMiddleware(logger));

        var run = () => adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await ctx.SendActivityAsync("before failure", cancellationToken: ct);
            throw new InvalidOperationException("boom");
        });

        await run.Should().ThrowAsync<InvalidOperationException>();
        logger.Logged.Select(a => a.Text).Should().Equal("hi", "before failure");
    }
}
