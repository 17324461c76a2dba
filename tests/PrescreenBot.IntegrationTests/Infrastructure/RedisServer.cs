using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port in a temporary directory, killed on dispose: the one Redis fixture of
/// this project (as an <c>IClassFixture</c>, or created by a fault test that kills, restarts, hangs and resumes it).
/// By default nothing is persisted; with <see cref="AppendOnly"/> the data survives <see cref="KillAsync"/> + <see cref="StartAsync"/>.
/// A missing binary is a test failure with the way to fix it, never a skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    /// <summary>How long redis-server may take to say it is ready; a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    /// <summary>What redis-server prints once it listens (7.0: "Ready to accept connections", 7.2+: "… tcp").</summary>
    private const string ReadyLine = "Ready to accept connections";

    /// <summary>What it prints when its port was taken; the first start then tries another port.</summary>
    private const string AddressInUse = "Address already in use";

    /// <summary>Ports tried at the first start before giving up (another test process may take one in the same instant).</summary>
    private const int MaxPortAttempts = 5;

    /// <summary>Output lines kept for a failure message.</summary>
    private const int OutputLinesKept = 40;

    /// <summary>Where Debian and source builds put the binary, in case PATH (e.g. under a test runner) lacks them.</summary>
    private static readonly string[] KnownLocations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private readonly string _directory = Directory.CreateTempSubdirectory("prescreenbot-redis-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private bool _everStarted;

    /// <summary>
    /// Keep an append-only file (fsync on every write) so the data survives <see cref="KillAsync"/> and a restart.
    /// Off by default (an <c>IClassFixture</c>, which xunit builds with the single parameterless constructor).
    /// </summary>
    public bool AppendOnly { get; init; }

    /// <summary>The port (see <see cref="LoopbackPorts"/>), the same across restarts; final once the server first started.</summary>
    public int Port { get; private set; } = LoopbackPorts.Reserve();

    /// <summary>
    /// The <c>Redis:Configuration</c> value for this server. The health PING's limit (1 s in production, where a probe must
    /// answer quickly) is a safety net here: on a loaded test machine a live Redis must not look degraded.
    /// </summary>
    public string Configuration => $"127.0.0.1:{Port},healthCheckTimeout=60000";

    public Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Starts the server (again, after <see cref="KillAsync"/>) on the same port and directory; returns once this very
    /// process says it accepts connections (a PING could be answered by another test's server on a reused port).
    /// </summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        }

        var binary = FindBinary()
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH nor in /usr/bin or /usr/local/bin. The Redis tests need a real Redis: run the README test command (bash tests/run.sh), which installs it, or apt-get install -y redis-server.");
        for (var attempt = 1; ; attempt++)
        {
            var failure = await StartOnceAsync(binary);
            if (failure is null)
            {
                _everStarted = true;
                return;
            }

            // Only before anyone was given this port may it change; a restart must come back where the clients look.
            if (_everStarted || attempt == MaxPortAttempts || !failure.Contains(AddressInUse, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not start: {failure}");
            }

            Port = LoopbackPorts.Reserve();
        }
    }

    /// <summary>Null once the server is ready, else why it is not (it is then no longer running).</summary>
    private async Task<string?> StartOnceAsync(string binary)
    {
        _process?.Dispose();
        _output.Clear();
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

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        process.OutputDataReceived += (_, line) => Keep(line.Data, ready);
        process.ErrorDataReceived += (_, line) => Keep(line.Data, ready);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        using var stopWaiting = new CancellationTokenSource();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartupLimit, stopWaiting.Token));
        await stopWaiting.CancelAsync();
        if (first == ready.Task)
        {
            return null;
        }

        if (first != exited)
        {
            await KillAsync();
            return $"it did not say it was ready within {StartupLimit.TotalSeconds} s. Output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
        }

        await exited; // all output read
        return $"it exited with code {process.ExitCode}. Output:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
    }

    private void Keep(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
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

    private static string? FindBinary() => FindOnPath("redis-server") ?? KnownLocations.FirstOrDefault(File.Exists);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
