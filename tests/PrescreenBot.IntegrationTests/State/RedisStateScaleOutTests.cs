using System.Net;
using System.Text.Json;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.State;

/// <summary>Two bot instances on one real Redis (Storage:Provider=Redis) serving the same Bot Connector conversation.</summary>
public sealed class RedisStateScaleOutTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly PrescreenBotApp _first = Instance(redis);
    private readonly PrescreenBotApp _second = Instance(redis);

    [Fact]
    public async Task Messages_AlternatingInstances_OneConversationContinues()
    {
        using var first = _first.CreateHttpClient();
        using var second = _second.CreateHttpClient();

        var texts = new List<string?>();
        foreach (var client in new[] { first, second, first, second })
        {
            texts.Add((await client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:scale-out"))).Single().Text);
        }

        texts.Should().Equal("count: 1", "count: 2", "count: 3", "count: 4");
    }

    [Fact]
    public async Task Messages_ConcurrentOnBothInstances_NoAnswerLost()
    {
        using var first = _first.CreateHttpClient();
        using var second = _second.CreateHttpClient();
        const int turns = 30;

        // The conversation exists before the race: two instances CREATING the same state at the same instant both write
        // unconditionally (a null ETag means "last write wins" in the IStorage contract), which is a known gap there.
        (await first.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:scale-out-race"))).Single().Text.Should().Be("count: 1");
        var replies = await Task.WhenAll(Enumerable.Range(0, turns).Select(i =>
            (i % 2 == 0 ? first : second).ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:scale-out-race"))));

        // Every turn either counted (exactly once: distinct numbers 1..n) or asked the patient to try again; none vanished.
        var counted = replies.Select(r => r.Single().Text!).Where(t => t.StartsWith("count: ", StringComparison.Ordinal)).ToList();
        var retried = replies.Count(r => r.Single().Text!.Contains("try again in a moment", StringComparison.Ordinal));
        (counted.Count + retried).Should().Be(turns);
        counted.Select(t => int.Parse(t["count: ".Length..], System.Globalization.CultureInfo.InvariantCulture)).Should().BeEquivalentTo(Enumerable.Range(2, counted.Count));
        var final = await first.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:scale-out-race"));
        final.Single().Text.Should().Be($"count: {counted.Count + 2}");
    }

    [Fact]
    public async Task Healthz_RedisUp_Healthy()
    {
        using var client = _first.CreateHttpClient();

        using var response = await client.GetAsync("healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("healthy");
        body.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("state").GetString().Should().Be("Connected");
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static PrescreenBotApp Instance(RedisServer redis) => new(new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = string.Empty,
        ["Storage:Provider"] = "Redis",
        ["Redis:Configuration"] = redis.Configuration,
        ["Limits:ConversationRate:Enabled"] = "false",
    });
}
