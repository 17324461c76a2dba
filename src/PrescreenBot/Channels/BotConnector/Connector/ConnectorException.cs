using System.Net;

namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>The Bot Connector refused or failed a call; <see cref="StatusCode"/> is null when it was never reached.</summary>
public sealed class ConnectorException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
