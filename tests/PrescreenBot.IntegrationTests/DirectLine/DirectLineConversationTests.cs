using System.Net;
using System.Text.Json.Nodes;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>Direct Line over real HTTP as DirectLineJS drives it: tokens, start, post, poll with watermark.</summary>
public sealed class DirectLineConversationTests(DirectLineApp app) : IClassFixture<DirectLineApp>
{
    [Fact]
    public async Task TokensGenerate_WithSecret_ReturnsSignedTokenWithUserClaimAndConversation()
    {
        using var client = app.CreateDirectLineClient();

        var generated = await client.GenerateTokenAsync();

        ((string)generated["conversationId"]!).Should().NotBeNullOrEmpty();
        ((int)generated["expires_in"]!).Should().Be(1800);
        var payload = JwtPayload((string)generated["token"]!);
        ((string)payload["user"]!).Should().StartWith("dl_");
        ((string)payload["conv"]!).Should().Be((string)generated["conversationId"]!);
    }

    [Fact]
    public async Task TokensGenerate_WithoutSecret_Returns401AndWithWrongSecret403()
    {
        using var client = app.CreateDirectLineClient();

        using var none = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null, null);
        using var wrong = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret", null);

        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StartConversation_WithToken_Returns201ThenWelcomeWithoutTyping_And200OnRepeat()
    {
        using var client = app.CreateDirectLineClient();
        var token = (string)(await client.GenerateTokenAsync())["token"]!;

        using var first = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, "{\"user\":{}}");
        using var second = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, "{\"user\":{}}");
        var started = await DirectLineTestClient.ReadObjectAsync(first);
        var (activities, watermark) = await client.PollAsync((string)started["conversationId"]!, token, "");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)started["streamUrl"]!).Should().StartWith($"ws://{client.BaseAddress.Authority}/v3/directline/conversations/").And.Contain("t=");
        activities.Should().ContainSingle();
        var welcome = activities[0]!.AsObject();
        ((string)welcome["text"]!).Should().Be(ScriptedTurnProcessor.Welcome);
        ((string)welcome["from"]!["role"]!).Should().Be("bot");
        ((string)welcome["channelId"]!).Should().Be("directline");
        welcome["replyToId"].Should().BeNull("the conversationUpdate is never shown to the client, so nothing may wait for it");
        welcome["timestamp"].Should().NotBeNull();
        watermark.Should().Be("1");
        app.Bot.Received.Should().ContainSingle(a => a.Type == "conversationUpdate" && a.Conversation!.Id == (string)started["conversationId"]!);
    }

    [Fact]
    public async Task PostActivity_Message_EchoesWithServerIdAndClientActivityIdAndRepliesReferToIt()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        var id = await client.PostMessageAsync(conversationId, token, "I am 54", "client-1");
        var (activities, _) = await client.PollAsync(conversationId, token, "1");

        id.Should().Be($"{conversationId}|0000002");
        activities.Should().HaveCount(3);
        var echo = activities[0]!.AsObject();
        ((string)echo["id"]!).Should().Be(id);
        ((string)echo["channelData"]!["clientActivityID"]!).Should().Be("client-1");
        ((string)echo["from"]!["role"]!).Should().Be("user");
        ((string)echo["from"]!["id"]!).Should().Be(UserOf(token), "the token's user, whatever the client claims");
        ((string)echo["conversation"]!["id"]!).Should().Be(conversationId);
        ((string)echo["serviceUrl"]!).Should().Be(client.BaseAddress.ToString());
        activities.Skip(1).Select(a => (string)a!["replyToId"]!).Should().AllBe(id);
        activities.Skip(1).Select(a => (string)a!["text"]!).Should().Equal("You said: I am 54", "Next question?");
        activities.Select(a => DateTimeOffset.Parse((string)a!["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        app.Bot.Received.Should().Contain(a => a.Id == id && a.Text == "I am 54" && a.ChannelId == "directline");
    }

    [Fact]
    public async Task PollActivities_WithWatermark_ReturnsOnlyNewerAndEmptyOrMissingWatermarkMeansFromTheStart()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();
        await client.PostMessageAsync(conversationId, token, "one", "c-1");

        var (all, watermark) = await client.PollAsync(conversationId, token, "");
        var (missing, _) = await client.PollAsync(conversationId, token, null);
        var (none, same) = await client.PollAsync(conversationId, token, watermark);
        await client.PostMessageAsync(conversationId, token, "two", "c-2");
        var (newer, last) = await client.PollAsync(conversationId, token, watermark);

        all.Should().HaveCount(4);
        missing.Should().HaveCount(4);
        watermark.Should().Be("4");
        none.Should().BeEmpty();
        same.Should().Be("4");
        newer.Select(a => (string?)a!["text"]).Should().Equal("two", "You said: two", "Next question?");
        last.Should().Be("7");
    }

    [Fact]
    public async Task PostActivity_Event_IsEchoedAndHandedToTheBotWithItsValue()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();
        var startEvent = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "prescreen/start",
            ["value"] = new JsonObject { ["trial"] = "NCT01234567", ["locale"] = "zh-CN" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "ev-1" },
        };

        using var response = await client.PostActivityAsync(conversationId, token, startEvent);
        var (activities, _) = await client.PollAsync(conversationId, token, "1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)activities[0]!["channelData"]!["clientActivityID"]!).Should().Be("ev-1");
        ((string)activities[1]!["text"]!).Should().Contain("prescreen/start").And.Contain("NCT01234567");
    }

    [Fact]
    public async Task PostActivity_BotThrows_Returns200AndAPoliteMessageInsteadOfAServerError()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        var id = await client.PostMessageAsync(conversationId, token, ScriptedTurnProcessor.Explode, "c-x");
        var (activities, _) = await client.PollAsync(conversationId, token, "2");

        activities.Should().ContainSingle();
        ((string)activities[0]!["text"]!).Should().StartWith("Sorry, something went wrong");
        ((string)activities[0]!["replyToId"]!).Should().Be(id);
    }

    [Fact]
    public async Task PostActivity_Malformed_Returns400WithAClearMessageAndStoresNothing()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        using var notJson = await client.PostRawAsync(conversationId, token, "{\"type\": \"message\", \"text\": ");
        using var noType = await client.PostRawAsync(conversationId, token, "{\"text\": \"hi\"}");
        using var membersAdded = await client.PostRawAsync(conversationId, token, "{\"type\": \"conversationUpdate\"}");
        var (activities, _) = await client.PollAsync(conversationId, token, "1");

        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)(await DirectLineTestClient.ReadObjectAsync(notJson))["error"]!["code"]!).Should().Be("BadArgument");
        noType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)(await DirectLineTestClient.ReadObjectAsync(noType))["error"]!["message"]!).Should().Contain("type");
        membersAdded.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        activities.Should().BeEmpty();
    }

    [Fact]
    public async Task PostActivity_Oversized_Returns413()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        using var response = await client.PostActivityAsync(conversationId, token, DirectLineTestClient.Message(new string('a', 300 * 1024), "big"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        ((string)(await DirectLineTestClient.ReadObjectAsync(response))["error"]!["code"]!).Should().Be("MessageSizeTooBig");
    }

    [Fact]
    public async Task PostActivity_BurstFarBeyondHumanSpeed_GetsRateLimited429WithRetryAfterAndNever5xx()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            client.PostActivityAsync(conversationId, token, DirectLineTestClient.Message($"burst {i}", $"b-{i}"))));

        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter != null);
        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.OK);
        responses.Should().NotContain(r => (int)r.StatusCode >= 500);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Upload_IsRefusedWith4xxAndThePatientIsToldInTheChat()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "scan.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId={UserOf(token)}") { Content = form };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await client.Http.SendAsync(request);
        var (activities, _) = await client.PollAsync(conversationId, token, "1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)(await DirectLineTestClient.ReadObjectAsync(response))["error"]!["code"]!).Should().Be("UploadNotSupported");
        activities.Should().ContainSingle();
        ((string)activities[0]!["text"]!).Should().Contain("can't receive files");
    }

    [Fact]
    public async Task AnotherConversation_WithThisToken_Returns403AndUnknownConversationWithSecret404()
    {
        using var client = app.CreateDirectLineClient();
        var (mine, token, _) = await client.NewConversationAsync();
        var (theirs, _, _) = await client.NewConversationAsync();

        using var post = await client.PostActivityAsync(theirs, token, DirectLineTestClient.Message("hi", "c"));
        using var poll = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs}/activities?watermark=", token, null);
        using var missing = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/doesnotexist/activities", DirectLineApp.Secret, null);

        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        poll.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        mine.Should().NotBe(theirs);
    }

    [Fact]
    public async Task StartConversation_WithSecret_CreatesConversationAndReturnsAToken()
    {
        using var client = app.CreateDirectLineClient();

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineApp.Secret, "{\"user\":{\"id\":\"dl_patient7\"}}");
        var started = await DirectLineTestClient.ReadObjectAsync(response);
        var (activities, _) = await client.PollAsync((string)started["conversationId"]!, (string)started["token"]!, "");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        UserOf((string)started["token"]!).Should().Be("dl_patient7");
        activities.Should().ContainSingle(a => (string)a!["text"]! == ScriptedTurnProcessor.Welcome);
    }

    [Fact]
    public async Task Preflight_WithBotAgentHeader_IsAllowedAndResponsesCarryAllowOrigin()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/v3/directline/conversations/{conversationId}/activities");
        preflight.Headers.Add("Origin", "https://clinic.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=");
        poll.Headers.Add("Origin", "https://clinic.example.org");
        poll.Headers.Authorization = new("Bearer", token);

        using var preflightResponse = await client.Http.SendAsync(preflight);
        using var pollResponse = await client.Http.SendAsync(poll);

        preflightResponse.IsSuccessStatusCode.Should().BeTrue();
        var allowedHeaders = string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        allowedHeaders.Should().Contain("authorization").And.Contain("content-type").And.Contain("x-ms-bot-agent");
        preflightResponse.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("*");
        pollResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        pollResponse.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("*");
    }

    [Fact]
    public async Task SessionId_ReturnsAnOpaqueId()
    {
        using var client = app.CreateDirectLineClient();
        var (_, token, _) = await client.NewConversationAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "/v3/directline/session/getsessionid", token, null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)(await DirectLineTestClient.ReadObjectAsync(response))["sessionId"]!).Should().NotBeNullOrEmpty();
    }

    private static string UserOf(string token) => (string)JwtPayload(token)["user"]!;

    private static JsonObject JwtPayload(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
    }
}
