using System.Net;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.BotConnector;

/// <summary>
/// A bot with a user-assigned managed identity: no password; its Connector token comes from the machine's managed
/// identity endpoint (here a local IMDS look-alike over real HTTP).
/// </summary>
public sealed class ManagedIdentityTests : IAsyncLifetime
{
    private const string ClientId = "6a0f3a52-0000-4000-8000-00000000c11d";

    private LocalOpenIdIssuer _issuer = null!;
    private LocalChannel _channel = null!;
    private PrescreenBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOpenIdIssuer.StartAsync(BotConnectorAuthFixture.ChannelIssuer, ["msteams"]);
        _channel = await LocalChannel.StartAsync();
        _app = new PrescreenBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = ClientId,
            ["MicrosoftAppPassword"] = string.Empty,
            ["MicrosoftAppTenantId"] = "72f988bf-0000-4000-8000-0000000000aa",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.MetadataUrl.ToString(),
            ["ManagedIdentityEndpoint"] = _channel.ManagedIdentityEndpoint,
        });
    }

    [Fact]
    public async Task Messages_UserAssignedManagedIdentity_ReplyCarriesTokenFromIdentityEndpoint()
    {
        using var client = _app.CreateHttpClient();
        var activity = ActivityPosting.Message("hello", conversationId: "a:msi", serviceUrl: _channel.ServiceUrl);
        var token = _issuer.CreateToken(ClientId, new Dictionary<string, object> { ["serviceurl"] = _channel.ServiceUrl });

        using var response = await client.PostAsync(activity, token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _channel.Received.Should().ContainSingle().Which.Authorization.Should().Be("Bearer msi-token-1");
        var request = _channel.TokenRequests.Should().ContainSingle().Subject;
        request["resource"].Should().Be("https://api.botframework.com");
        request["client_id"].Should().Be(ClientId);
        request["api-version"].Should().Be("2018-02-01");
        request["Metadata"].Should().Be("true");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _channel.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}
