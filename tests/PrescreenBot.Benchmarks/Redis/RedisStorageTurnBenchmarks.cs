using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Redis;
using PrescreenBot.Redis.Storage;

namespace PrescreenBot.Benchmarks.Redis;

/// <summary>
/// What a bot turn costs on RedisStorage: read the conversation's state document (MGET), change an answer, write it
/// back with the ETag compare-and-set (EVALSHA). Many conversations run at once on one shared client.
/// The cleanup prints round trips and bytes per turn and the stored size of one conversation.
/// </summary>
[MemoryDiagnoser]
public class RedisStorageTurnBenchmarks
{
    private const int TurnsPerInvoke = 2_000;

    private BenchmarkRedisServer? _server;
    private RedisClient? _client;
    private RedisStorage? _storage;
    private long _turns;

    [Params(1, 32)]
    public int Conversations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = BenchmarkRedisServer.Start();
        _client = new RedisClient(_server.Configuration);
        _client.WaitUntilConnectedAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        _storage = new RedisStorage(_client);
        for (var i = 0; i < Conversations; i++)
        {
            _storage.WriteAsync(new Dictionary<string, object> { [Key(i)] = TypicalState() }).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var statistics = _client!.Statistics;
        var stored = _client.GetAsync(RedisStorageOptions.DefaultKeyPrefix + Key(0)).GetAwaiter().GetResult()!;
        var turns = Math.Max(1, _turns);
        Console.WriteLine(
            $"// RedisStorage, {Conversations} conversations: {(double)statistics.CommandsSent / turns:0.00} round trips per turn, "
            + $"{statistics.BytesWritten / turns} bytes sent and {statistics.BytesRead / turns} received per turn, "
            + $"{stored.Length} bytes stored per conversation");
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server!.Dispose();
    }

    [Benchmark(OperationsPerInvoke = TurnsPerInvoke)]
    public Task ReadAndCompareAndSet()
    {
        var perConversation = TurnsPerInvoke / Conversations;
        var conversations = new Task[Conversations];
        for (var i = 0; i < conversations.Length; i++)
        {
            conversations[i] = RunConversationAsync(Key(i), perConversation);
        }

        Interlocked.Add(ref _turns, perConversation * Conversations);
        return Task.WhenAll(conversations);
    }

    private async Task RunConversationAsync(string key, int turns)
    {
        await Task.Yield();
        for (var turn = 0; turn < turns; turn++)
        {
            var state = (await _storage!.ReadAsync<BotStateDocument>([key]).ConfigureAwait(false))[key];
            state.State["turn"] = turn;
            await _storage.WriteAsync(new Dictionary<string, object> { [key] = state }).ConfigureAwait(false);
        }
    }

    private static string Key(int conversation) => $"webchat/conversations/bench-{conversation:D4}-8f3c2a1e9b7d";

    /// <summary>A pre-screen halfway through: a dialog stack two deep and a dozen answers.</summary>
    private static BotStateDocument TypicalState()
    {
        var answers = new Dictionary<string, string>();
        foreach (var question in new[]
        {
            "age", "sex", "diagnosis.type2diabetes", "hba1c.range", "medication.metformin", "medication.insulin", "pregnancy",
            "kidney.egfr", "heart.failure", "cancer.history", "consent.contact", "site.preference",
        })
        {
            answers[question] = "yes";
        }

        var dialogState = new
        {
            dialogStack = new object[]
            {
                new { id = "prescreen", state = new { stepIndex = 6, values = new { trialIds = new[] { "NCT01234567", "NCT07654321" } } } },
                new { id = "confirmPrompt", state = new { options = new { prompt = new { type = "message" } }, attemptCount = 0 } },
            },
        };
        var document = new BotStateDocument();
        document.State["DialogState"] = JsonSerializer.SerializeToElement(dialogState, BotJson.Options);
        document.State["answers"] = JsonSerializer.SerializeToElement(answers, BotJson.Options);
        document.State["locale"] = "en-US";
        return document;
    }
}
