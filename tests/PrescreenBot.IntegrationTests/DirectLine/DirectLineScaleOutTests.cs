using System.Net;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>Two instances on one real Redis serving one Web Chat conversation (issue 6 scale-out).</summary>
public sealed class DirectLineScaleOutTests : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly RedisServer _redis;
    private readonly RedisDirectLineApp _instanceA;
    private readonly RedisDirectLineApp _instanceB;

    public DirectLineScaleOutTests(RedisServer redis)
    {
        _redis = redis;
        _instanceA = new RedisDirectLineApp(redis.Configuration);
        _instanceB = new RedisDirectLineApp(redis.Configuration);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _instanceA.DisposeAsync();
        await _instanceB.DisposeAsync();
    }

    [Fact]
    public async Task PostOnInstanceA_IsPushedToTheWebSocketOnInstanceB()
    {
        using var a = _instanceA.CreateDirectLineClient();
        using var b = _instanceB.CreateDirectLineClient();
        var (conversationId, token, _) = await a.NewConversationAsync();
        using var reconnect = await b.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=", token, null);
        var streamUrl = (string)(await DirectLineTestClient.ReadObjectAsync(reconnect))["streamUrl"]!;
        using var socketOnB = await DirectLineTestClient.OpenStreamAsync(streamUrl);
        var replay = await DirectLineTestClient.ReceiveUntilAsync(socketOnB, frames => frames.Count >= 1);

        var id = await a.PostMessageAsync(conversationId, token, "posted on A", "scale-1");
        var live = await DirectLineTestClient.ReceiveUntilAsync(socketOnB, frames => DirectLineTestClient.ActivitiesOf(frames).Count() >= 3);

        streamUrl.Should().Contain(b.BaseAddress.Authority);
        ((string)replay[0]["activities"]![0]!["text"]!).Should().Be(ScriptedTurnProcessor.Welcome);
        var activities = DirectLineTestClient.ActivitiesOf(live).ToList();
        ((string)activities[0]["id"]!).Should().Be(id);
        ((string)activities[0]["channelData"]!["clientActivityID"]!).Should().Be("scale-1");
        activities.Skip(1).Select(x => (string)x["replyToId"]!).Should().AllBe(id);
        _instanceB.Bot.Received.Should().BeEmpty("instance A ran the turns; B only streamed them");
    }

    [Fact]
    public async Task ConversationStartedOnA_IsPolledAndContinuedOnB()
    {
        using var a = _instanceA.CreateDirectLineClient();
        using var b = _instanceB.CreateDirectLineClient();
        var (conversationId, token, _) = await a.NewConversationAsync();

        var id = await b.PostMessageAsync(conversationId, token, "posted on B", "scale-2");
        var (fromA, watermark) = await a.PollAsync(conversationId, token, "");

        fromA.Select(x => (string?)x!["text"]).Should().Equal(ScriptedTurnProcessor.Welcome, "posted on B", "You said: posted on B", "Next question?");
        ((string)fromA[1]!["id"]!).Should().Be(id);
        watermark.Should().Be("4");
    }
}
