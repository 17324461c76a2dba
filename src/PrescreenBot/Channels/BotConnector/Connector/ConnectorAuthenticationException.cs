namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>The bot could not obtain a token to call the Bot Connector (wrong credentials, identity provider down).</summary>
public sealed class ConnectorAuthenticationException : Exception
{
    public ConnectorAuthenticationException(string message)
        : base(message)
    {
    }

    public ConnectorAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
