using System.Net;
using Microsoft.IdentityModel.Tokens;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.BotConnector;

public sealed class BotConnectorAuthenticationTests(BotConnectorAuthFixture fixture) : IClassFixture<BotConnectorAuthFixture>
{
    private const string AppId = BotConnectorAuthFixture.AppId;

    [Fact]
    public async Task Messages_ValidChannelToken_ReplyArrivesAtServiceUrlWithBotToken()
    {
        var activity = Message("hello", conversationId: "19:meeting@thread.tacv2;messageid=42");
        using var response = await fixture.Client.PostAsync(activity, fixture.ChannelToken());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = fixture.Channel.Received.Should().ContainSingle(r => r.Activity.ReplyToId == activity.Id).Subject;
        reply.RawTarget.Should().Be($"/v3/conversations/19%3Ameeting%40thread.tacv2%3Bmessageid%3D42/activities/{activity.Id}");
        reply.Authorization.Should().MatchRegex("^Bearer connector-token-[0-9]+$");
        reply.Activity.Text.Should().Be("echo: hello");
        reply.Activity.Conversation!.Id.Should().Be("19:meeting@thread.tacv2;messageid=42");
        reply.Activity.From!.Id.Should().Be("28:bot-1");
        reply.Activity.Recipient!.Id.Should().Be("29:user-1");
        reply.Activity.Id.Should().BeNull("channels assign ids; bots must not send one");
    }

    [Fact]
    public async Task Messages_TwoTurns_OneClientCredentialsTokenRequestWithBotCredentials()
    {
        using var first = await fixture.Client.PostAsync(Message("one", conversationId: "a:token-cache"), fixture.ChannelToken());
        using var second = await fixture.Client.PostAsync(Message("two", conversationId: "a:token-cache"), fixture.ChannelToken());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var request = fixture.Channel.TokenRequests.Should().ContainSingle().Subject;
        request["grant_type"].Should().Be("client_credentials");
        request["client_id"].Should().Be(AppId);
        request["client_secret"].Should().Be("test-app-password");
        request["scope"].Should().Be("https://api.botframework.com/.default");
    }

    [Fact]
    public async Task Messages_ManyRequests_SigningKeysFetchedOnceAndCached()
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.Client.PostAsync(Message("cached?", conversationId: $"a:keys-{i}"), fixture.ChannelToken());
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        fixture.Issuer.KeyFetches.Should().BeInRange(1, 2, "keys are cached; only an unknown key id (a forgery test in this class) may force one refresh");
    }

    [Fact]
    public async Task Messages_NoAuthorizationHeader_Unauthorized()
    {
        using var response = await fixture.Client.PostAsync(Message("hello"));

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("bearer ")]
    public async Task Messages_MalformedAuthorizationHeader_Unauthorized(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent(Message("hello")) };
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await fixture.Client.SendAsync(request);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_ForgedToken_Unauthorized()
    {
        var forged = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), signingKey: LocalOpenIdIssuer.UnpublishedKey);

        using var response = await fixture.Client.PostAsync(Message("hello"), forged);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_TamperedPayload_Unauthorized()
    {
        var parts = fixture.ChannelToken().Split('.');
        var tampered = Base64UrlEncoder.Encode($$"""{"aud":"{{AppId}}","iss":"https://api.botframework.com","serviceurl":"https://evil.example","exp":4102444800}""");

        using var response = await fixture.Client.PostAsync(Message("hello"), $"{parts[0]}.{tampered}.{parts[2]}");

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_ExpiredBeyondClockSkew_Unauthorized()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), notBefore: now.AddHours(-1), expires: now.AddMinutes(-6));

        using var response = await fixture.Client.PostAsync(Message("hello"), expired);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_ExpiredWithinClockSkew_Accepted()
    {
        var now = DateTimeOffset.UtcNow;
        var justExpired = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), notBefore: now.AddHours(-1), expires: now.AddMinutes(-2));

        using var response = await fixture.Client.PostAsync(Message("hello", conversationId: "a:skew"), justExpired);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Messages_NotYetValid_Unauthorized()
    {
        var now = DateTimeOffset.UtcNow;
        var future = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), notBefore: now.AddMinutes(30), expires: now.AddHours(2));

        using var response = await fixture.Client.PostAsync(Message("hello"), future);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_WrongAudience_Unauthorized()
    {
        var token = fixture.Issuer.CreateToken("another-bots-app-id", ServiceUrlClaim());

        using var response = await fixture.Client.PostAsync(Message("hello"), token);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_WrongIssuer_Unauthorized()
    {
        var token = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), issuer: "https://api.botframework.evil.example");

        using var response = await fixture.Client.PostAsync(Message("hello"), token);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_KeyNotEndorsedForChannel_Forbidden()
    {
        var skypeOnlyKey = fixture.Issuer.Keys[1].Key;
        var token = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), signingKey: skypeOnlyKey);
        var activity = Message("hello");

        using var response = await fixture.Client.PostAsync(activity, token);

        await ShouldBeBareAsync(response, HttpStatusCode.Forbidden);
        fixture.Channel.Received.Should().NotContain(r => r.Activity.ReplyToId == activity.Id, "a refused activity never reaches the bot");
    }

    [Fact]
    public async Task Messages_ServiceUrlClaimDiffersFromActivity_Forbidden()
    {
        var token = fixture.ChannelToken(serviceUrl: "https://smba.trafficmanager.net/amer/");

        using var response = await fixture.Client.PostAsync(Message("hello"), token);

        await ShouldBeBareAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Messages_OtherAllowedRsaAlgorithms_Accepted(string algorithm)
    {
        var token = fixture.Issuer.CreateToken(AppId, ServiceUrlClaim(), algorithm: algorithm);

        using var response = await fixture.Client.PostAsync(Message("hello", conversationId: $"a:alg-{algorithm}"), token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(BotConnectorAuthFixture.EmulatorIssuerV1, "1.0", "appid")]
    [InlineData(BotConnectorAuthFixture.EmulatorIssuerV2, "2.0", "azp")]
    public async Task Messages_EmulatorToken_AcceptedAndReplied(string issuer, string version, string appIdClaim)
    {
        var token = fixture.EmulatorIssuer.CreateToken(AppId, new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = AppId }, issuer: issuer);
        var activity = Message("from the emulator", channelId: BotChannels.Emulator, conversationId: $"emulator-{version}");

        using var response = await fixture.Client.PostAsync(activity, token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Channel.Received.Should().ContainSingle(r => r.Activity.ReplyToId == activity.Id)
            .Which.Activity.Text.Should().Be("echo: from the emulator");
    }

    [Fact]
    public async Task Messages_EmulatorTokenForAnotherApp_Unauthorized()
    {
        var token = fixture.EmulatorIssuer.CreateToken(AppId, new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "someone-else" }, issuer: BotConnectorAuthFixture.EmulatorIssuerV1);

        using var response = await fixture.Client.PostAsync(Message("hello", channelId: BotChannels.Emulator), token);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_EmulatorTokenWithoutVersion_Unauthorized()
    {
        var token = fixture.EmulatorIssuer.CreateToken(AppId, new Dictionary<string, object> { ["appid"] = AppId }, issuer: BotConnectorAuthFixture.EmulatorIssuerV1);

        using var response = await fixture.Client.PostAsync(Message("hello", channelId: BotChannels.Emulator), token);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_EmulatorTokenSignedWithChannelKey_Unauthorized()
    {
        // An emulator issuer name does not make a Bot Connector key acceptable: emulator tokens are checked against AAD's keys.
        var token = fixture.Issuer.CreateToken(AppId, new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId }, issuer: BotConnectorAuthFixture.EmulatorIssuerV1);

        using var response = await fixture.Client.PostAsync(Message("hello", channelId: BotChannels.Emulator), token);

        await ShouldBeBareAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Messages_ConnectorAnswers503Once_ReplyStillDelivered()
    {
        fixture.Channel.FailNext(1);
        var activity = Message("retry me", conversationId: "a:retry");

        using var response = await fixture.Client.PostAsync(activity, fixture.ChannelToken());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Channel.Received.Should().ContainSingle(r => r.Activity.ReplyToId == activity.Id).Which.Activity.Text.Should().Be("echo: retry me");
    }

    private Activity Message(string text, string channelId = BotChannels.Msteams, string conversationId = "a:personal-chat-1") =>
        ActivityPosting.Message(text, channelId, conversationId, serviceUrl: fixture.Channel.ServiceUrl);

    private Dictionary<string, object> ServiceUrlClaim() => new() { ["serviceurl"] = fixture.Channel.ServiceUrl };

    private static StringContent JsonContent(Activity activity) =>
        new(System.Text.Encoding.UTF8.GetString(BotJson.SerializeActivity(activity)), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Refusals say nothing about why (no token details, no validation messages).</summary>
    private static async Task ShouldBeBareAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }
}
