namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>
/// No app id configured: calls carry no Authorization header, which is how a credential-less Emulator accepts replies
/// (Bot Builder's <c>AppCredentials.ShouldSetToken</c>).
/// </summary>
public sealed class NoCredentialsTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public void Invalidate()
    {
    }
}
