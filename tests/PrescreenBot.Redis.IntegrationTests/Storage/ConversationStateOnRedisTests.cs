using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Redis.IntegrationTests.Fixtures;
using PrescreenBot.Redis.Storage;

namespace PrescreenBot.Redis.IntegrationTests.Storage;

/// <summary>The bot core's real ConversationState on RedisStorage: the path every turn takes when Redis is configured.</summary>
public sealed class ConversationStateOnRedisTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = $"s{Guid.NewGuid():N}:";

    [Fact]
    public async Task Turns_AlternatingBetweenTwoBotInstancesOnOneRedis_ContinueOneConversation()
    {
        await using var first = await BotInstance.StartAsync(fixture.Server, _prefix);
        await using var second = await BotInstance.StartAsync(fixture.Server, _prefix);
        var adapter = new TestAdapter();

        var replies = new List<string?>();
        for (var turn = 0; turn < 6; turn++)
        {
            var instance = turn % 2 == 0 ? first : second;
            await adapter.SendTextToBotAsync("next", instance.CountTurnAsync);
            replies.Add(adapter.GetNextReply()?.Text);
        }

        replies.Should().Equal("1", "2", "3", "4", "5", "6");
    }

    [Fact]
    public async Task Turns_TwoAtOnceForOneConversation_OneSavesTheOtherGetsEtagConflict()
    {
        await using var first = await BotInstance.StartAsync(fixture.Server, _prefix);
        await using var second = await BotInstance.StartAsync(fixture.Server, _prefix);
        var adapter = new TestAdapter();
        await adapter.SendTextToBotAsync("start", first.CountTurnAsync);
        var bothLoaded = new Barrier(2);

        var outcomes = await Task.WhenAll(
            Task.Run(() => RunRacingTurnAsync(adapter, first, bothLoaded)),
            Task.Run(() => RunRacingTurnAsync(adapter, second, bothLoaded)));

        outcomes.Should().BeEquivalentTo(["saved", "conflict"]);
        await adapter.SendTextToBotAsync("after", first.CountTurnAsync);
        adapter.ActiveQueue.Last().Text.Should().Be("3", "the winner's count (2) was kept, the loser's was refused");
    }

    [Fact]
    public async Task Turn_StoredConversation_IsSmall()
    {
        await using var bot = await BotInstance.StartAsync(fixture.Server, _prefix);
        var adapter = new TestAdapter();
        await adapter.SendTextToBotAsync("hello", bot.CountTurnAsync);

        var key = _prefix + $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation!.Id}";
        var stored = await fixture.Client.GetAsync(key);

        stored.Should().NotBeNull();
        stored!.Length.Should().BeLessThan(2048);
    }

    private static async Task<string> RunRacingTurnAsync(TestAdapter adapter, BotInstance bot, Barrier bothLoaded)
    {
        try
        {
            await adapter.SendTextToBotAsync("racing", async (context, cancellationToken) =>
            {
                await bot.State.LoadAsync(context, cancellationToken: cancellationToken);
                bothLoaded.SignalAndWait(TimeSpan.FromSeconds(30));
                await bot.CountTurnAsync(context, cancellationToken);
            });
            return "saved";
        }
        catch (EtagException)
        {
            return "conflict";
        }
    }

    private sealed class BotInstance : IAsyncDisposable
    {
        private readonly RedisClient _client;
        private readonly IStatePropertyAccessor<int> _count;

        private BotInstance(RedisClient client, string prefix)
        {
            _client = client;
            State = new ConversationState(new RedisStorage(client, new RedisStorageOptions { KeyPrefix = prefix }));
            _count = State.CreateProperty<int>("count");
        }

        public ConversationState State { get; }

        public static async Task<BotInstance> StartAsync(RedisServer server, string prefix)
        {
            var client = new RedisClient(server.Configuration);
            await client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
            return new BotInstance(client, prefix);
        }

        public async Task CountTurnAsync(ITurnContext context, CancellationToken cancellationToken)
        {
            var count = await _count.GetAsync(context, () => 0, cancellationToken) + 1;
            await _count.SetAsync(context, count, cancellationToken);
            await State.SaveChangesAsync(context, cancellationToken: cancellationToken);
            await context.SendActivityAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }

        public ValueTask DisposeAsync() => _client.DisposeAsync();
    }
}
