using System.Net;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.BotConnector;

public sealed class BotConnectorDeliveryTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    [Fact]
    public async Task Messages_NoAppIdConfigured_AcceptsWithoutTokenAndRepliesWithoutAuthorization()
    {
        var activity = ActivityPosting.Message("hi", BotChannels.Emulator, "emulator-conv-1", fixture.Channel.ServiceUrl);

        using var response = await fixture.Client.PostAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        var reply = fixture.Channel.Received.Should().ContainSingle(r => r.Activity.ReplyToId == activity.Id).Subject;
        reply.Authorization.Should().BeEmpty();
        reply.RawTarget.Should().Be($"/v3/conversations/emulator-conv-1/activities/{activity.Id}");
        reply.Activity.Text.Should().Be("echo: hi");
    }

    [Fact]
    public async Task Messages_ExpectReplies_RepliesInBodyAndNothingPosted()
    {
        var activity = ActivityPosting.Message("in the body", conversationId: "a:expect-replies", serviceUrl: fixture.Channel.ServiceUrl, deliveryMode: DeliveryModes.ExpectReplies);

        using var response = await fixture.Client.PostAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var replies = body.RootElement.GetProperty("activities").Deserialize<List<Activity>>(BotJson.Options)!;
        replies.Should().ContainSingle().Which.Text.Should().Be("echo: in the body");
        replies[0].ReplyToId.Should().Be(activity.Id);
        fixture.Channel.Received.Should().NotContain(r => r.Activity.ReplyToId == activity.Id);
    }

    [Fact]
    public async Task Messages_ExpectRepliesWithoutServiceUrl_Accepted()
    {
        var replies = await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message("no service url", conversationId: "a:no-service-url"));

        replies.Should().ContainSingle().Which.Text.Should().Be("echo: no service url");
    }

    [Fact]
    public async Task Messages_Invoke_AnswersWithInvokeResponse()
    {
        var invoke = ActivityPosting.Message(string.Empty, conversationId: "a:invoke", serviceUrl: fixture.Channel.ServiceUrl);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "composeExtension/query";
        invoke.Text = null;

        using var response = await fixture.Client.PostAsync(invoke);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("ok").GetBoolean().Should().BeTrue();
        body.RootElement.GetProperty("name").GetString().Should().Be("composeExtension/query");
    }

    [Fact]
    public async Task Messages_ConversationUpdateWithNewMember_WelcomePosted()
    {
        var update = ActivityPosting.Message(string.Empty, conversationId: "a:install", serviceUrl: fixture.Channel.ServiceUrl);
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [new ChannelAccount("28:bot-1"), new ChannelAccount("29:user-1")];

        using var response = await fixture.Client.PostAsync(update);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Channel.Received.Should().ContainSingle(r => r.Activity.Conversation!.Id == "a:install").Which.Activity.Text.Should().Be("welcome");
    }

    [Fact]
    public async Task Messages_ChannelUnreachable_StillOkAndNextTurnWorks()
    {
        // The state is saved before delivery; a 5xx here would make the channel redeliver and count the answer twice.
        var activity = ActivityPosting.Message("count", conversationId: "a:unreachable", serviceUrl: "http://127.0.0.1:9/");

        using var response = await fixture.Client.PostAsync(activity);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var next = await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message("count", conversationId: "a:unreachable"));
        next.Should().ContainSingle().Which.Text.Should().Be("count: 2");
    }
}
