using System.Net.Security;

namespace PrescreenBot.Redis.Configuration;

/// <summary>
/// How to reach one Redis endpoint. Build it in code, or parse a StackExchange-style configuration string or a
/// <c>redis://</c> / <c>rediss://</c> URL with <see cref="RedisConfigurationParser.Parse"/>.
/// </summary>
public sealed record RedisOptions
{
    /// <summary>Redis' well-known port.</summary>
    public const int DefaultPort = 6379;

    /// <summary>Long enough for a TLS handshake across a region, short enough that a dead host is noticed promptly.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A healthy Redis answers in well under a millisecond; 5 s (StackExchange's default) only trips on real trouble.</summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A health probe must answer quickly: a PING slower than this counts as degraded. Configurable because "slow" depends
    /// on where it runs (a starved CI machine needs a safety net, not a speed check).
    /// </summary>
    public static readonly TimeSpan DefaultHealthCheckTimeout = TimeSpan.FromSeconds(1);

    /// <summary>First reconnect pause; short, because a restart of Redis usually takes well under a second.</summary>
    public static readonly TimeSpan DefaultReconnectMinDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest reconnect pause, so a returning Redis is found within seconds without hammering a dead one.</summary>
    public static readonly TimeSpan DefaultReconnectMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Commands queued or awaiting a reply on one connection before new ones are refused. Far above what a bot needs
    /// (a turn issues two), but bounds memory when Redis stalls instead of queueing without limit.
    /// </summary>
    public const int DefaultMaxPendingCommands = 10_000;

    /// <summary>
    /// Bytes of commands accepted but not yet handed to the socket before new ones are refused: the second bound, for
    /// large values piling up behind a stalled Redis. 64 MB is hundreds of times a burst of bot turns.
    /// </summary>
    public const long DefaultMaxUnsentBytes = 64L * 1024 * 1024;

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    /// <summary>ACL user name (Redis 6+); null authenticates as <c>default</c> when a password is set.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    public int Database { get; init; }

    public bool Ssl { get; init; }

    /// <summary>Name expected on the server certificate (and sent as SNI); defaults to <see cref="Host"/>.</summary>
    public string? SslHost { get; init; }

    /// <summary>Custom certificate check (e.g. a private CA); null uses the operating system's trust store.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Sent with <c>CLIENT SETNAME</c> so the connection is recognisable in <c>CLIENT LIST</c>.</summary>
    public string? ClientName { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    /// <summary>How long <c>RedisHealth.CheckAsync</c> waits for its PING (<c>healthCheckTimeout</c> in milliseconds).</summary>
    public TimeSpan HealthCheckTimeout { get; init; } = DefaultHealthCheckTimeout;

    public TimeSpan ReconnectMinDelay { get; init; } = DefaultReconnectMinDelay;

    public TimeSpan ReconnectMaxDelay { get; init; } = DefaultReconnectMaxDelay;

    public int MaxPendingCommands { get; init; } = DefaultMaxPendingCommands;

    public long MaxUnsentBytes { get; init; } = DefaultMaxUnsentBytes;

    /// <summary>Endpoint for messages and logs; never includes credentials.</summary>
    public string EndPoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public static RedisOptions Parse(string configuration) => RedisConfigurationParser.Parse(configuration);

    /// <summary>Checks the values make sense; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Redis host is empty.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"Redis port {Port} is out of range 1-65535.");
        }

        if (Database < 0)
        {
            throw new ArgumentException($"Redis database {Database} is negative.");
        }

        if (User is not null && Password is null)
        {
            throw new ArgumentException("Redis user is set without a password.");
        }

        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(CommandTimeout, nameof(CommandTimeout));
        RequirePositive(HealthCheckTimeout, nameof(HealthCheckTimeout));
        RequirePositive(ReconnectMinDelay, nameof(ReconnectMinDelay));
        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            throw new ArgumentException("Redis ReconnectMaxDelay is shorter than ReconnectMinDelay.");
        }

        if (MaxPendingCommands < 1)
        {
            throw new ArgumentException("Redis MaxPendingCommands must be at least 1.");
        }

        if (MaxUnsentBytes < 1)
        {
            throw new ArgumentException("Redis MaxUnsentBytes must be at least 1.");
        }
    }

    /// <summary>Never prints the password.</summary>
    public override string ToString() =>
        $"{EndPoint},user={User ?? "(default)"},password={(Password is null ? "(none)" : "***")},ssl={Ssl},defaultDatabase={Database}";

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Redis {name} must be positive.");
        }
    }
}
