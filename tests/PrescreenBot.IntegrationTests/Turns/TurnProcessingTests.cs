using Microsoft.Extensions.DependencyInjection;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Transcripts;
using PrescreenBot.Turns;

namespace PrescreenBot.IntegrationTests.Turns;

public sealed class TurnProcessingTests : IDisposable
{
    /// <summary>The durable transcript is written in the background; a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan TranscriptPatience = TimeSpan.FromSeconds(60);

    private readonly RecordingTranscriptLogger _transcript = new();
    private readonly PrescreenBotApp _app;
    private readonly HttpClient _client;

    public TurnProcessingTests()
    {
        _app = new PrescreenBotApp(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty, ["Limits:ConversationRate:Enabled"] = "false" },
            services => services.AddSingleton<ITranscriptLogger>(_transcript));
        _client = _app.CreateHttpClient();
    }

    [Fact]
    public async Task ProcessAsync_ConcurrentTurnsOfOneConversation_NoAnswerLost()
    {
        const int turns = 25;
        var replies = await Task.WhenAll(Enumerable.Range(0, turns).Select(_ => _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:concurrent"))));

        replies.Select(r => r.Single().Text).Should().BeEquivalentTo(Enumerable.Range(1, turns).Select(i => $"count: {i}"));
        _app.Services.GetRequiredService<ConversationLocks>().ActiveCount.Should().Be(0, "locks of finished turns are released and forgotten");
    }

    [Fact]
    public async Task ProcessAsync_AnotherInstanceSavesMidTurn_TurnRerunsOnFreshStateAndOnlyFinalReplyReleased()
    {
        await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:race"));
        var bot = _app.Services.GetRequiredService<EchoTestBot>();
        var raced = 0;
        bot.BeforeSave = async turnContext =>
        {
            if (Interlocked.Exchange(ref raced, 1) == 0)
            {
                await SaveFromAnotherInstanceAsync(turnContext.Activity, counter: 100);
            }
        };

        var replies = await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:race"));

        bot.BeforeSave = null;
        replies.Should().ContainSingle().Which.Text.Should().Be("count: 101", "the rerun starts from the other instance's state; the first try's reply is discarded");
        (await _transcript.WaitForConversationAsync("a:race", 4)).Select(a => a.Text).Should().Equal("count", "count: 1", "count", "count: 101");
    }

    [Fact]
    public async Task ProcessAsync_BotThrows_ApologyWithReferenceAndConversationReset()
    {
        await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:boom"));

        var replies = await _client.ExpectRepliesAsync(ActivityPosting.Message("boom", conversationId: "a:boom"));

        replies.Should().ContainSingle("replies of a failed turn are dropped; only the apology goes out")
            .Which.Text.Should().StartWith("Sorry, something went wrong").And.Contain("Reference:");
        var after = await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:boom"));
        after.Should().ContainSingle().Which.Text.Should().Be("count: 1");
    }

    [Fact]
    public async Task ProcessAsync_Turn_TranscriptHasInboundAndRepliesWithIdsAndRoles()
    {
        var activity = ActivityPosting.Message("hello transcript", conversationId: "a:transcript");

        await _client.ExpectRepliesAsync(activity);

        var logged = await _transcript.WaitForConversationAsync("a:transcript", 2);
        logged.Select(a => a.Text).Should().Equal("hello transcript", "echo: hello transcript");
        logged.Should().OnlyContain(a => a.Id != null && a.Timestamp != null);
        logged.Select(a => a.From!.Role).Should().Equal(RoleTypes.User, RoleTypes.Bot);
    }

    [Fact]
    public async Task ProcessAsync_SlowTranscriptStore_NextTurnOfConversationStartsAfterPreviousIsWritten()
    {
        _transcript.DelayPerEntry = TimeSpan.FromMilliseconds(100);
        var bot = _app.Services.GetRequiredService<EchoTestBot>();
        var seenBySecondTurn = -1;
        await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:slow-store"));
        bot.BeforeSave = _ =>
        {
            seenBySecondTurn = _transcript.Logged.Count(a => a.Conversation!.Id == "a:slow-store");
            return Task.CompletedTask;
        };

        await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:slow-store"));

        bot.BeforeSave = null;
        _transcript.DelayPerEntry = TimeSpan.Zero;
        seenBySecondTurn.Should().Be(2, "what the first turn said is in the store before the second turn runs (so a deletion finds it)");
        _app.Services.GetRequiredService<TurnTranscript>().ConversationsWithUnwrittenEntries.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task ProcessAsync_TurnExcludedFromTranscript_NothingOfThatTurnRecorded()
    {
        var bot = _app.Services.GetRequiredService<EchoTestBot>();
        bot.BeforeSave = turn =>
        {
            if (turn.Activity.Text == "forget this")
            {
                turn.ExcludeFromTranscript();
            }

            return Task.CompletedTask;
        };

        await _client.ExpectRepliesAsync(ActivityPosting.Message("before", conversationId: "a:excluded-turn"));
        await _client.ExpectRepliesAsync(ActivityPosting.Message("forget this", conversationId: "a:excluded-turn"));
        await _client.ExpectRepliesAsync(ActivityPosting.Message("after", conversationId: "a:excluded-turn"));
        bot.BeforeSave = null;

        var logged = await _transcript.WaitForConversationAsync("a:excluded-turn", 4);
        logged.Select(a => a.Text).Should().Equal("before", "echo: before", "after", "echo: after");
    }

    [Fact]
    public async Task ProcessAsync_TranscriptStoreHangs_PatientsStillGetAnswers()
    {
        var stuck = new TaskCompletionSource();
        _transcript.Stuck = stuck;
        try
        {
            var first = await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:stuck-store"));
            var second = await _client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:stuck-store"));

            first.Should().ContainSingle().Which.Text.Should().Be("count: 1");
            second.Should().ContainSingle().Which.Text.Should().Be("count: 2", "a hung transcript store delays a conversation briefly, never stops it");
        }
        finally
        {
            _transcript.Stuck = null;
            stuck.SetResult();
        }
    }

    [Fact]
    public async Task ProcessAsync_Turn_DurableTranscriptStoreHasInboundAndReply()
    {
        await _client.ExpectRepliesAsync(ActivityPosting.Message("for the record", conversationId: "a:durable-transcript"));

        var store = _app.Services.GetRequiredService<ITranscriptStore>();
        var patience = System.Diagnostics.Stopwatch.StartNew();
        var entries = await store.ReadAsync(BotChannels.Msteams, "a:durable-transcript");
        while (entries.Count < 2 && patience.Elapsed < TranscriptPatience)
        {
            await Task.Delay(20);
            entries = await store.ReadAsync(BotChannels.Msteams, "a:durable-transcript");
        }

        entries.Select(e => (e.Entry.Direction, e.Entry.ActivityType)).Should().Equal(
            (TranscriptDirection.Incoming, ActivityTypes.Message),
            (TranscriptDirection.Outgoing, ActivityTypes.Message));
        entries[1].Entry.ActivityJson.Should().Contain("echo: for the record");
    }

    [Fact]
    public async Task ProcessAsync_Invoke_NotReturnedAsReplyActivity()
    {
        var invoke = ActivityPosting.Message(string.Empty, conversationId: "a:invoke-replies");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "test/invoke";

        var replies = await _client.ExpectRepliesAsync(invoke);

        replies.Should().BeEmpty("the invoke response travels in the HTTP answer, not as an activity");
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    /// <summary>What a second bot instance on the same storage does: load, change, save.</summary>
    private async Task SaveFromAnotherInstanceAsync(Activity activity, int counter)
    {
        var otherInstanceState = new ConversationState(_app.Services.GetRequiredService<IStorage>());
        var context = new TurnContext(new BufferingBotAdapter(), activity.Clone());
        await otherInstanceState.CreateProperty<int>("counter").SetAsync(context, counter);
        await otherInstanceState.SaveChangesAsync(context);
    }
}
