using System.Globalization;

namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

/// <summary>
/// A real redis-server for one test or test class: a port of its own, own temporary directory, no persistence.
/// Can be stopped, restarted on the same port, paused (SIGSTOP) and resumed (SIGCONT). Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string MissingBinaryMessage = "redis-server not found on PATH; run the README test command, which installs it";

    private readonly IReadOnlyList<string> _extraArguments;
    private readonly RedisProcess _process = new();

    private RedisServer(int port, string directory, IReadOnlyList<string> extraArguments)
    {
        Port = port;
        Directory = directory;
        _extraArguments = extraArguments;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>StackExchange-style configuration for this server; short timeouts keep failure tests quick.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=2000,syncTimeout=2000";

    /// <summary>
    /// A server on a port of its own (see <see cref="LoopbackPorts"/>). Should another test process take that port in the
    /// same instant, the failed bind is seen in the server's own output and another port is tried.
    /// </summary>
    public static async Task<RedisServer> StartAsync(params string[] extraArguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Create(LoopbackPorts.Reserve(), extraArguments);
            var failure = await server.TryStartProcessAsync().ConfigureAwait(false);
            if (failure is null)
            {
                return server;
            }

            await server.DisposeAsync().ConfigureAwait(false);
            if (attempt == LoopbackPorts.MaxStartAttempts || !RedisProcess.PortWasTaken(failure))
            {
                throw new InvalidOperationException(failure);
            }
        }
    }

    /// <summary>A server on the given port (e.g. one a client was already told), without trying another.</summary>
    public static async Task<RedisServer> StartAsync(int port, params string[] extraArguments)
    {
        var server = Create(port, extraArguments);
        try
        {
            await server.StartProcessAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A port for a server started later (<see cref="StartAsync(int, string[])"/>); nothing listens on it until then.</summary>
    public static int ReservePort() => LoopbackPorts.Reserve();

    /// <summary>Starts the server (again) on the same port, e.g. after <see cref="StopAsync"/> or for "Redis came up later".</summary>
    public async Task StartProcessAsync()
    {
        if (await TryStartProcessAsync().ConfigureAwait(false) is { } failure)
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static RedisServer Create(int port, IReadOnlyList<string> extraArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "prescreenbot-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new RedisServer(port, directory, extraArguments);
    }

    /// <summary>Null once this very process says it accepts connections, else why it did not start (it is then no longer running).</summary>
    private async Task<string?> TryStartProcessAsync()
    {
        var binary = FindBinary(Environment.GetEnvironmentVariable("PATH"));
        var arguments = new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", Directory,
            "--protected-mode", "no",
            "--daemonize", "no",
        }.Concat(_extraArguments);
        var failure = await _process.TryStartAsync(binary, arguments).ConfigureAwait(false);
        return failure is null ? null : $"redis-server on port {Port} did not start: {failure}";
    }

    /// <summary>Kills the server (SIGKILL), like a crash; the port stays reserved for a restart.</summary>
    public Task StopAsync() => _process.KillAsync();

    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await StartProcessAsync().ConfigureAwait(false);
    }

    /// <summary>SIGSTOP: the process keeps its socket but answers nothing, like a hung server.</summary>
    public Task PauseAsync() => _process.PauseAsync();

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => _process.ResumeAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false); // SIGKILL ends a paused (SIGSTOPped) server too.
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    /// <summary>Looks for redis-server on a PATH-style list of folders; a missing binary is a failure, never a skip.</summary>
    public static string FindBinary(string? searchPath) =>
        RedisProcess.FindOnPath("redis-server", searchPath) ?? throw new InvalidOperationException(MissingBinaryMessage);
}
