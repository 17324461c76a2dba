using System.Net;
using PrescreenBot.Bot.Schema;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Limits;

public sealed class ConversationRateLimitTests : IDisposable
{
    private readonly PrescreenBotApp _app = new(new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = string.Empty,
        ["Limits:ConversationRate:TokenLimit"] = "3",
        ["Limits:ConversationRate:TokensPerPeriod"] = "1",
        ["Limits:ConversationRate:ReplenishmentPeriod"] = "00:01:00",
    });

    [Fact]
    public async Task Messages_BurstOverConversationLimit_TooManyRequestsWithRetryAfter()
    {
        using var client = _app.CreateHttpClient();
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await client.PostAsync(Message("a:rate-limited"));
            accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await client.PostAsync(Message("a:rate-limited"));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("retry after");
    }

    [Fact]
    public async Task Messages_OtherConversation_NotLimitedByNeighbour()
    {
        using var client = _app.CreateHttpClient();
        for (var i = 0; i < 4; i++)
        {
            using var _ = await client.PostAsync(Message("a:noisy-neighbour"));
        }

        using var response = await client.PostAsync(Message("a:quiet-one"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => _app.Dispose();

    private static Activity Message(string conversationId) =>
        ActivityPosting.Message("hi", conversationId: conversationId, deliveryMode: DeliveryModes.ExpectReplies);
}
