namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector (null when the bot has no app id).</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A token valid for a while yet; cached, refreshed before it expires.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached token (the Connector said 401), so the next call fetches a fresh one.</summary>
    void Invalidate();
}
