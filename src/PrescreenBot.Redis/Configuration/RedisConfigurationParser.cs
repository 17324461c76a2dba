using System.Globalization;

namespace PrescreenBot.Redis.Configuration;

/// <summary>
/// Reads the two familiar ways of writing a Redis connection:
/// the StackExchange form <c>host:port,password=…,user=…,ssl=true,defaultDatabase=0,connectTimeout=5000,syncTimeout=5000</c>
/// and URLs <c>redis://[user[:password]@]host[:port][/db]</c> / <c>rediss://…</c> (TLS).
/// Errors name the offending option but never echo a password.
/// </summary>
public static class RedisConfigurationParser
{
    public static RedisOptions Parse(string configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new ArgumentException("Redis configuration is empty.", nameof(configuration));
        }

        var text = configuration.Trim();
        var options = text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)
            ? ParseUrl(text)
            : ParseConfigurationString(text);
        options.Validate();
        return options;
    }

    private static RedisOptions ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("Redis URL is not a valid redis:// or rediss:// URL.");
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                user = parts[0].Length == 0 ? null : Uri.UnescapeDataString(parts[0]);
                password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                // redis://secret@host is the classic "password only" form (no ACL user).
                password = Uri.UnescapeDataString(parts[0]);
            }
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && !int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database))
        {
            throw new ArgumentException($"Redis URL path '/{path}' is not a database number.");
        }

        var options = new RedisOptions
        {
            Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? RedisOptions.DefaultPort : uri.Port,
            User = user,
            Password = password,
            Database = database,
            Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
        };

        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = SplitOption(Uri.UnescapeDataString(pair.Replace('+', ' ')));
            options = Apply(options, key, value);
        }

        return options;
    }

    private static RedisOptions ParseConfigurationString(string text)
    {
        RedisOptions? options = null;
        var settings = new List<(string Key, string Value)>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(SplitOption(raw));
                continue;
            }

            if (options is not null)
            {
                throw new ArgumentException(
                    "Redis configuration names more than one endpoint; this client connects to exactly one (no cluster or replica failover).");
            }

            var (host, port) = ParseEndPoint(raw);
            options = new RedisOptions { Host = host, Port = port };
        }

        if (options is null)
        {
            throw new ArgumentException("Redis configuration names no endpoint (expected e.g. 'localhost:6379,...').");
        }

        foreach (var (key, value) in settings)
        {
            options = Apply(options, key, value);
        }

        return options;
    }

    private static (string Key, string Value) SplitOption(string raw)
    {
        var at = raw.IndexOf('=', StringComparison.Ordinal);
        return at < 0 ? (raw.Trim(), string.Empty) : (raw[..at].Trim(), raw[(at + 1)..].Trim());
    }

    private static (string Host, int Port) ParseEndPoint(string raw)
    {
        string host;
        string? portText = null;
        if (raw.StartsWith('['))
        {
            var close = raw.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException($"Redis endpoint '{raw}' has an unclosed '['.");
            }

            host = raw[1..close];
            var rest = raw[(close + 1)..];
            if (rest.Length > 0)
            {
                portText = rest.StartsWith(':') ? rest[1..] : throw new ArgumentException($"Redis endpoint '{raw}' is malformed.");
            }
        }
        else
        {
            var colon = raw.LastIndexOf(':');
            if (colon >= 0 && raw.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                host = raw; // a bare IPv6 address without port
            }
            else if (colon >= 0)
            {
                host = raw[..colon];
                portText = raw[(colon + 1)..];
            }
            else
            {
                host = raw;
            }
        }

        var port = RedisOptions.DefaultPort;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new ArgumentException($"Redis endpoint '{raw}' has an invalid port.");
        }

        if (host.Length == 0)
        {
            throw new ArgumentException($"Redis endpoint '{raw}' has no host.");
        }

        return (host, port);
    }

    private static RedisOptions Apply(RedisOptions options, string key, string value) => key.ToLowerInvariant() switch
    {
        "password" => options with { Password = value },
        "user" => options with { User = value },
        "ssl" => options with { Ssl = ParseBool(key, value) },
        "sslhost" => options with { SslHost = value },
        "defaultdatabase" => options with { Database = ParseInt(key, value) },
        "connecttimeout" => options with { ConnectTimeout = ParseMilliseconds(key, value) },
        "synctimeout" or "asynctimeout" => options with { CommandTimeout = ParseMilliseconds(key, value) },
        "healthchecktimeout" => options with { HealthCheckTimeout = ParseMilliseconds(key, value) },
        "name" => options with { ClientName = value },
        // Accepted so existing StackExchange strings work unchanged; this client never aborts at start and always retries.
        "abortconnect" or "connectretry" or "keepalive" or "allowadmin" or "resolvedns" => Accept(options, key, value),
        _ => throw new ArgumentException($"Unknown Redis configuration option '{key}'."),
    };

    private static RedisOptions Accept(RedisOptions options, string key, string value)
    {
        if (key.Equals("abortConnect", StringComparison.OrdinalIgnoreCase) || key.Equals("allowAdmin", StringComparison.OrdinalIgnoreCase)
            || key.Equals("resolveDns", StringComparison.OrdinalIgnoreCase))
        {
            ParseBool(key, value);
        }
        else
        {
            ParseInt(key, value);
        }

        return options;
    }

    private static bool ParseBool(string key, string value) => bool.TryParse(value, out var result)
        ? result
        : throw new ArgumentException($"Redis option '{key}' expects true or false, got '{value}'.");

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) && result >= 0
            ? result
            : throw new ArgumentException($"Redis option '{key}' expects a non-negative whole number, got '{value}'.");

    private static TimeSpan ParseMilliseconds(string key, string value)
    {
        var milliseconds = ParseInt(key, value);
        return milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw new ArgumentException($"Redis option '{key}' must be a positive number of milliseconds.");
    }
}
