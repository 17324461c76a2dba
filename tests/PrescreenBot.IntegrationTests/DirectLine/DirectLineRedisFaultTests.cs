using System.Net;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>Redis going away under a Direct Line conversation (its own Redis, since the test kills it).</summary>
public sealed class DirectLineRedisFaultTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly RedisDirectLineApp _instanceA = new(redis.Configuration);
    private readonly RedisServer _redis = redis;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _instanceA.DisposeAsync();

    [Fact]
    public async Task RedisDown_PollingAnswers200EmptyAndPostingAnswers429_NeverA5xx()
    {
        using var a = _instanceA.CreateDirectLineClient();
        var (conversationId, token, _) = await a.NewConversationAsync();
        await _redis.KillAsync();

        var (activities, watermark) = await a.PollAsync(conversationId, token, "1");
        using var post = await a.PostActivityAsync(conversationId, token, DirectLineTestClient.Message("anyone there?", "down-1"));
        using var start = await a.SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)(await a.GenerateTokenAsync())["token"]!, null);

        activities.Should().BeEmpty();
        watermark.Should().Be("1");
        post.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        post.Headers.RetryAfter.Should().NotBeNull();
        start.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }
}
