namespace PrescreenBot.Redis.Connection;

/// <summary>Where a connection stands; <see cref="Connected"/> is the only state in which commands are sent.</summary>
public enum RedisConnectionState
{
    /// <summary>A connection attempt (socket, TLS, AUTH, SELECT) is under way; commands wait for its outcome.</summary>
    Connecting,

    /// <summary>Handshake done; commands flow.</summary>
    Connected,

    /// <summary>The last attempt failed or the connection dropped; waiting to retry. Commands fail fast.</summary>
    Disconnected,

    /// <summary>Shut down for good.</summary>
    Disposed,
}
