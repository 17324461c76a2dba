using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

/// <summary>
/// A real redis-server for one test or test class: random free port, own temporary directory, no persistence.
/// Can be stopped, restarted on the same port, paused (SIGSTOP) and resumed (SIGCONT). Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string MissingBinaryMessage = "redis-server not found on PATH; run the README test command, which installs it";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(20);

    private readonly IReadOnlyList<string> _extraArguments;
    private Process? _process;

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

    public static async Task<RedisServer> StartAsync(params string[] extraArguments) =>
        await StartAsync(FreePort(), extraArguments).ConfigureAwait(false);

    public static async Task<RedisServer> StartAsync(int port, params string[] extraArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "prescreenbot-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var server = new RedisServer(port, directory, extraArguments);
        await server.StartProcessAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server (again) on the same port, e.g. after <see cref="StopAsync"/> or for "Redis came up later".</summary>
    public Task StartProcessAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        var binary = FindBinary(Environment.GetEnvironmentVariable("PATH"));
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", Directory,
            "--logfile", Path.Combine(Directory, "redis.log"),
            "--protected-mode", "no",
            "--daemonize", "no",
        }.Concat(_extraArguments))
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        return WaitUntilReadyAsync();
    }

    /// <summary>Kills the server (SIGKILL), like a crash; the port stays reserved for a restart.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await StartProcessAsync().ConfigureAwait(false);
    }

    /// <summary>SIGSTOP: the process keeps its socket but answers nothing, like a hung server.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await SignalAsync("-CONT").ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
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
    public static string FindBinary(string? searchPath)
    {
        foreach (var folder in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(MissingBinaryMessage);
    }

    private async Task SignalAsync(string signal)
    {
        if (_process is null)
        {
            throw new InvalidOperationException("redis-server is not running.");
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync().ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} failed with exit code {kill.ExitCode}.");
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} at start. Log:\n{ReadLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray()).ConfigureAwait(false);
                var buffer = new byte[64];
                var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
                if (read > 0)
                {
                    return; // +PONG, or -NOAUTH when a password is required: either way it is serving
                }
            }
            catch (SocketException) when (started.Elapsed < StartupTimeout)
            {
            }
            catch (IOException) when (started.Elapsed < StartupTimeout)
            {
            }

            if (started.Elapsed > StartupTimeout)
            {
                throw new InvalidOperationException($"redis-server did not accept connections within {StartupTimeout}. Log:\n{ReadLog()}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(Directory, "redis.log");
        return File.Exists(log) ? File.ReadAllText(log, Encoding.UTF8) : "(no log)";
    }
}
