using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.BotConnector;

/// <summary>A bot without an app id (local runs, the Emulator without credentials) replying to a local channel.</summary>
public sealed class AnonymousBotFixture : IAsyncLifetime
{
    public LocalChannel Channel { get; private set; } = null!;

    public PrescreenBotApp App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Channel = await LocalChannel.StartAsync();
        App = new PrescreenBotApp(new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty });
        Client = App.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
