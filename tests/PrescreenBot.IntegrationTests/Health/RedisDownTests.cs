using System.Net;
using System.Text.Json;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Health;

/// <summary>Redis configured but not running (a port nobody listens on): the bot starts, reports degraded, answers politely.</summary>
public sealed class RedisDownTests : IDisposable
{
    /// <summary>Held for the whole test: a port chosen and released could meanwhile become another test's Redis.</summary>
    private readonly RefusedPort _redisPort = new();
    private readonly PrescreenBotApp _app;

    public RedisDownTests()
    {
        _app = new(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["Storage:Provider"] = "Redis",
            ["Redis:Configuration"] = $"127.0.0.1:{_redisPort.Port},connectTimeout=500,syncTimeout=500",
        });
    }

    [Fact]
    public async Task Healthz_RedisDown_DegradedButOk()
    {
        using var client = _app.CreateHttpClient();

        using var response = await client.GetAsync("healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a degraded instance still serves patients (politely)");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("degraded");
        var storage = body.RootElement.GetProperty("checks").GetProperty("storage");
        storage.GetProperty("data").GetProperty("provider").GetString().Should().Be("Redis");
        storage.GetProperty("data").GetProperty("state").GetString().Should().NotBe("Connected");
    }

    [Fact]
    public async Task Messages_RedisDown_PoliteTryAgainReply()
    {
        using var client = _app.CreateHttpClient();

        var replies = await client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:redis-down"));

        replies.Should().ContainSingle().Which.Text.Should().Contain("try again in a moment");
    }

    public void Dispose()
    {
        _app.Dispose();
        _redisPort.Dispose();
    }
}
