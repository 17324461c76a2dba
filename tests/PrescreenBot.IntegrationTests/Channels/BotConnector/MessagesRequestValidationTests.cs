using System.Net;
using System.Text;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.BotConnector;

public sealed class MessagesRequestValidationTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    [Theory]
    [InlineData("{\"type\":\"message\",", "not valid JSON")]
    [InlineData("[1,2,3]", "not valid JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"text\":\"hi\"}", "no 'type'")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"channelId\":\"msteams\",\"timestamp\":42}", "wrong type")]
    public async Task Messages_MalformedActivity_BadRequestProblem(string json, string expectedDetail)
    {
        using var response = await fixture.Client.PostRawAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(400);
        problem.RootElement.GetProperty("detail").GetString().Should().Contain(expectedDetail);
    }

    [Fact]
    public async Task Messages_NoConversation_BadRequestNamingTheField()
    {
        using var response = await fixture.Client.PostRawAsync("""{"type":"message","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","text":"hi"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("conversation.id");
    }

    [Fact]
    public async Task Messages_NoServiceUrlForNormalDelivery_BadRequest()
    {
        using var response = await fixture.Client.PostAsync(ActivityPosting.Message("hi", conversationId: "a:no-url"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("serviceUrl");
    }

    [Fact]
    public async Task Messages_BodyOverCap_PayloadTooLarge()
    {
        var activity = ActivityPosting.Message(new string('x', 300 * 1024), conversationId: "a:huge", deliveryMode: DeliveryModes.ExpectReplies);

        using var response = await fixture.Client.PostAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("262144");
    }

    [Fact]
    public async Task Messages_ChunkedBodyOverCap_PayloadTooLarge()
    {
        var json = Encoding.UTF8.GetString(BotJson.SerializeActivity(ActivityPosting.Message(new string('y', 300 * 1024), conversationId: "a:huge-chunked", deliveryMode: DeliveryModes.ExpectReplies)));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Messages_TextLongerThanLimit_PoliteReplyAndNothingRecorded()
    {
        var replies = await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message(new string('z', 2_001), conversationId: "a:long-text"));

        replies.Should().ContainSingle().Which.Text.Should().Contain("too long").And.Contain("2000");
        var next = await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:long-text"));
        next.Should().ContainSingle().Which.Text.Should().Be("count: 1");
    }

    [Fact]
    public async Task Messages_ChineseTextLongerThanLimit_PoliteReplyInChinese()
    {
        var activity = ActivityPosting.Message(new string('字', 2_001), conversationId: "a:long-text-zh");
        activity.Locale = "zh-CN";

        var replies = await fixture.Client.ExpectRepliesAsync(activity);

        replies.Should().ContainSingle().Which.Text.Should().Contain("太长");
    }
}
