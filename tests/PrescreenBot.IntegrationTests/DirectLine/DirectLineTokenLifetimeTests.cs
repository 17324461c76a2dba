using System.Net;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>Token expiry and refresh on a clock the test moves (its own app, so moving time disturbs no other test).</summary>
public sealed class DirectLineTokenLifetimeTests(DirectLineApp app) : IClassFixture<DirectLineApp>
{
    [Fact]
    public async Task ExpiredToken_Returns403TokenExpired_AndRefreshedTokenKeepsTheConversation()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);
        var refreshed = await DirectLineTestClient.ReadObjectAsync(refresh);
        var newToken = (string)refreshed["token"]!;
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        using var expiredPoll = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", token, null);
        using var expiredPost = await client.PostActivityAsync(conversationId, token, DirectLineTestClient.Message("late", "c-late"));
        using var expiredRefresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);
        var (activities, _) = await client.PollAsync(conversationId, newToken, "");

        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string)refreshed["conversationId"]!).Should().Be(conversationId);
        ((int)refreshed["expires_in"]!).Should().Be(1800);
        expiredPoll.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        ((string)(await DirectLineTestClient.ReadObjectAsync(expiredPoll))["error"]!["code"]!).Should().Be("TokenExpired");
        expiredPost.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        expiredRefresh.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        activities.Should().ContainSingle(a => (string)a!["text"]! == ScriptedTurnProcessor.Welcome);
    }

    [Fact]
    public async Task ForgedToken_Returns403()
    {
        using var client = app.CreateDirectLineClient();
        var (conversationId, token, _) = await client.NewConversationAsync();
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged, null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        ((string)(await DirectLineTestClient.ReadObjectAsync(response))["error"]!["code"]!).Should().Be("Forbidden");
    }
}
