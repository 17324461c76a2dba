using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>The WebSocket stream with a real ClientWebSocket: replay on connect, live push, reconnect from a watermark.</summary>
public sealed class DirectLineStreamTests(DirectLineApp app) : IClassFixture<DirectLineApp>
{
    [Fact]
    public async Task Stream_OnConnect_ReplaysWhatCameBeforeThenPushesEchoAndReplies()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, streamUrl) = await client.NewConversationAsync();
        using var socket = await DirectLineTestClient.OpenStreamAsync(streamUrl);

        var replay = await DirectLineTestClient.ReceiveUntilAsync(socket, frames => frames.Count >= 1);
        // DirectLineJS pings with empty strings; they must be tolerated.
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var id = await client.PostMessageAsync(conversationId, token, "hello", "ws-1");
        var live = await DirectLineTestClient.ReceiveUntilAsync(socket, frames => DirectLineTestClient.ActivitiesOf(frames).Count() >= 3);

        ((string)replay[0]["activities"]![0]!["text"]!).Should().Be(ScriptedTurnProcessor.Welcome);
        ((string)replay[0]["watermark"]!).Should().Be("1");
        var activities = DirectLineTestClient.ActivitiesOf(live).ToList();
        ((string)activities[0]["id"]!).Should().Be(id);
        ((string)activities[0]["channelData"]!["clientActivityID"]!).Should().Be("ws-1");
        activities.Skip(1).Select(a => (string)a["replyToId"]!).Should().AllBe(id);
        ((string)live[^1]["watermark"]!).Should().Be("4");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Stream_TurnThatNeverWaits_SendsTheEchoAndItsRepliesInOneFrame()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, streamUrl) = await client.NewConversationAsync();
        using var socket = await DirectLineTestClient.OpenStreamAsync(streamUrl);
        await DirectLineTestClient.ReceiveUntilAsync(socket, frames => frames.Count >= 1);

        var id = await client.PostMessageAsync(conversationId, token, "together", "one-frame");
        var live = await DirectLineTestClient.ReceiveUntilAsync(socket, frames => DirectLineTestClient.ActivitiesOf(frames).Count() >= 3);

        live.Should().ContainSingle("the scripted bot answers without waiting, so the echo is held until its replies are stored");
        DirectLineTestClient.ActivitiesOf(live).Select(a => (string?)a["id"])
            .Should().Equal(id, $"{conversationId}|0000003", $"{conversationId}|0000004");
        ((string)live[0]["watermark"]!).Should().Be("4");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Stream_TurnThatWaits_SendsTheEchoBeforeTheTurnEnds()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, streamUrl) = await client.NewConversationAsync();
        using var socket = await DirectLineTestClient.OpenStreamAsync(streamUrl);
        await DirectLineTestClient.ReceiveUntilAsync(socket, frames => frames.Count >= 1);

        var posting = client.PostMessageAsync(conversationId, token, ScriptedTurnProcessor.Wait, "slow-1");
        var echo = await DirectLineTestClient.ReceiveUntilAsync(socket, frames => DirectLineTestClient.ActivitiesOf(frames).Any());
        var postedBeforeRelease = posting.IsCompleted;
        app.Bot.WaitGate.Release();
        var id = await posting;
        var replies = await DirectLineTestClient.ReceiveUntilAsync(socket, frames => DirectLineTestClient.ActivitiesOf(frames).Any());

        postedBeforeRelease.Should().BeFalse("the POST answers when the turn is done");
        var echoed = DirectLineTestClient.ActivitiesOf(echo).Should().ContainSingle().Subject;
        ((string)echoed["id"]!).Should().Be(id);
        ((string)echoed["channelData"]!["clientActivityID"]!).Should().Be("slow-1");
        var reply = DirectLineTestClient.ActivitiesOf(replies).Should().ContainSingle().Subject;
        ((string)reply["replyToId"]!).Should().Be(id);
        ((string)reply["text"]!).Should().Be("Thanks for waiting.");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Reconnect_WithWatermark_GetsAFreshStreamUrlThatReplaysOnlyNewerActivities()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, streamUrl) = await client.NewConversationAsync();
        using (var first = await DirectLineTestClient.OpenStreamAsync(streamUrl))
        {
            await client.PostMessageAsync(conversationId, token, "first", "r-1");
            await DirectLineTestClient.ReceiveUntilAsync(first, frames => DirectLineTestClient.ActivitiesOf(frames).Count() >= 4);
            first.Abort();
        }

        await client.PostMessageAsync(conversationId, token, "while away", "r-2");
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=4", token, null);
        var body = await DirectLineTestClient.ReadObjectAsync(reconnect);
        using var second = await DirectLineTestClient.OpenStreamAsync((string)body["streamUrl"]!);
        var replay = await DirectLineTestClient.ReceiveUntilAsync(second, frames => DirectLineTestClient.ActivitiesOf(frames).Count() >= 3);

        reconnect.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)body["conversationId"]!).Should().Be(conversationId);
        ((string)body["token"]!).Should().NotBeNullOrEmpty();
        ((string)body["streamUrl"]!).Should().Contain("watermark=4");
        DirectLineTestClient.ActivitiesOf(replay).Select(a => (string?)a["text"])
            .Should().Equal("while away", "You said: while away", "Next question?");
    }

    [Fact]
    public async Task Stream_WithAnotherConversationsToken_IsRefused()
    {
        using var client = app.CreateDirectLineClient();
        var (_, token, _) = await client.NewConversationAsync();
        var (other, _, _) = await client.NewConversationAsync();
        var url = $"ws://{client.BaseAddress.Authority}/v3/directline/conversations/{other}/stream?t={Uri.EscapeDataString(token)}";

        var connect = async () => await DirectLineTestClient.OpenStreamAsync(url);

        (await connect.Should().ThrowAsync<WebSocketException>()).Which.Message.Should().Contain("403");
    }

    [Fact]
    public async Task StreamUrl_FetchedWithoutWebSocket_Returns400()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}", null, null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("WebSocket");
        Encoding.UTF8.GetByteCount(token).Should().BePositive();
    }
}
