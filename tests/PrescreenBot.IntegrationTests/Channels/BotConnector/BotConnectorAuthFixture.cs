using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.BotConnector;

/// <summary>
/// A bot with an app id, trusting a local Bot Framework issuer (one key endorsed for Teams, one for another channel)
/// and a local "Azure AD" issuer for Emulator tokens, replying to a local channel that also issues its outbound tokens.
/// </summary>
public sealed class BotConnectorAuthFixture : IAsyncLifetime
{
    public const string AppId = "8f7d2c1e-0000-4000-8000-000000000b07";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    public LocalOpenIdIssuer Issuer { get; private set; } = null!;

    public LocalOpenIdIssuer EmulatorIssuer { get; private set; } = null!;

    public LocalChannel Channel { get; private set; } = null!;

    public PrescreenBotApp App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await LocalOpenIdIssuer.StartAsync(ChannelIssuer, ["msteams", "emulator", "webchat"], ["skype"]);
        EmulatorIssuer = await LocalOpenIdIssuer.StartAsync("https://login.microsoftonline.com/{tenantid}/v2.0", [null]);
        Channel = await LocalChannel.StartAsync();
        App = new PrescreenBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-app-password",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Issuer.MetadataUrl.ToString(),
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = EmulatorIssuer.MetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = Channel.LoginAuthority,
        });
        Client = App.CreateHttpClient();
    }

    /// <summary>A valid channel token for this bot and the local channel's serviceUrl.</summary>
    public string ChannelToken(string? serviceUrl = null) =>
        Issuer.CreateToken(AppId, new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? Channel.ServiceUrl });

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Channel.DisposeAsync();
        await EmulatorIssuer.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
