using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port in a temporary directory, killed on dispose: the one Redis fixture of
/// this project (as an <c>IClassFixture</c>, or created by a fault test that kills, restarts, hangs and resumes it).
/// By default nothing is persisted; with <see cref="AppendOnly"/> the data survives <see cref="KillAsync"/> + <see cref="StartAsync"/>.
/// A missing binary is a test failure with the way to fix it, never a skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    /// <summary>How long redis-server may take to answer PING after starting.</summary>
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(15);

    /// <summary>Where Debian and source builds put the binary, in case PATH (e.g. under a test runner) lacks them.</summary>
    private static readonly string[] KnownLocations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private readonly string _directory = Directory.CreateTempSubdirectory("prescreenbot-redis-").FullName;
    private Process? _process;

    /// <summary>
    /// Keep an append-only file (fsync on every write) so the data survives <see cref="KillAsync"/> and a restart.
    /// Off by default (an <c>IClassFixture</c>, which xunit builds with the single parameterless constructor).
    /// </summary>
    public bool AppendOnly { get; init; }

    /// <summary>The port, the same across restarts.</summary>
    public int Port { get; } = FreePort();

    /// <summary>The <c>Redis:Configuration</c> value for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts the server (again, after <see cref="KillAsync"/>) on the same port and directory; returns once it answers PING.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        }

        _process?.Dispose();
        var binary = FindBinary()
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH nor in /usr/bin or /usr/local/bin. The Redis tests need a real Redis: run the README test command (bash tests/run.sh), which installs it, or apt-get install -y redis-server.");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || deadline.Elapsed > StartupLimit)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING (exited: {_process.HasExited}).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server at once (SIGKILL: the "Redis is down / crashed" fault).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open, nothing answers (the "Redis hung" fault).</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    public async Task DisposeAsync()
    {
        await KillAsync(); // SIGKILL ends a paused (SIGSTOPped) server too.
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Redis may still be finishing a background rewrite; the OS temp cleaner takes the rest.
        }
    }

    private IEnumerable<string> Arguments()
    {
        yield return "--port";
        yield return Port.ToString(CultureInfo.InvariantCulture);
        yield return "--bind";
        yield return "127.0.0.1";
        yield return "--dir";
        yield return _directory;
        yield return "--save";
        yield return string.Empty;
        yield return "--appendonly";
        yield return AppendOnly ? "yes" : "no";
        if (AppendOnly)
        {
            // Every acknowledged write is on disk, so a SIGKILL right after a turn loses nothing.
            yield return "--appendfsync";
            yield return "always";
        }
    }

    private async Task SignalAsync(string signal)
    {
        var process = _process is { HasExited: false } running
            ? running
            : throw new InvalidOperationException($"redis-server on port {Port} is not running.");
        var kill = FindOnPath("kill") ?? throw new InvalidOperationException("The kill command was not found on PATH (procps); it sends SIGSTOP/SIGCONT to Redis.");
        using var sender = Process.Start(new ProcessStartInfo(kill)
        {
            ArgumentList = { signal, process.Id.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"kill {signal} did not start.");
        await sender.WaitForExitAsync();
        if (sender.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {process.Id} failed with exit code {sender.ExitCode}.");
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinary() => FindOnPath("redis-server") ?? KnownLocations.FirstOrDefault(File.Exists);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
