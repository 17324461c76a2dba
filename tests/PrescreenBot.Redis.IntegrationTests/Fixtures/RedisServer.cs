using System.Collections.Concurrent;
using System.Diagnostics;

namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

/// <summary>
/// A real redis-server for one test or test class: a port of its own, own temporary directory, no persistence.
/// Can be stopped, restarted on the same port, paused (SIGSTOP) and resumed (SIGCONT). Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string MissingBinaryMessage = "redis-server not found on PATH; run the README test command, which installs it";

    /// <summary>How long redis-server may take to say it is ready; a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What redis-server prints once it listens (7.0: "Ready to accept connections", 7.2+: "… tcp").</summary>
    private const string ReadyLine = "Ready to accept connections";

    /// <summary>What it prints when its port was taken.</summary>
    private const string AddressInUse = "Address already in use";

    /// <summary>Ports tried by <see cref="StartAsync(string[])"/> before giving up.</summary>
    private const int MaxPortAttempts = 5;

    /// <summary>Output lines kept for a failure message.</summary>
    private const int OutputLinesKept = 40;

    private readonly IReadOnlyList<string> _extraArguments;
    private readonly ConcurrentQueue<string> _output = new();
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
            if (attempt == MaxPortAttempts || !failure.Contains(AddressInUse, StringComparison.Ordinal))
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

    /// <summary>
    /// Null once this very process says it accepts connections (a PING could be answered by another test's server on a
    /// reused port), else why it did not start (it is then no longer running).
    /// </summary>
    private async Task<string?> TryStartProcessAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        var binary = FindBinary(Environment.GetEnvironmentVariable("PATH"));
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", Directory,
            "--protected-mode", "no",
            "--daemonize", "no",
        }.Concat(_extraArguments))
        {
            info.ArgumentList.Add(argument);
        }

        _output.Clear();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        process.OutputDataReceived += (_, line) => Keep(line.Data, ready);
        process.ErrorDataReceived += (_, line) => Keep(line.Data, ready);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        using var stopWaiting = new CancellationTokenSource();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartupTimeout, stopWaiting.Token)).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        if (first == ready.Task)
        {
            return null;
        }

        if (first != exited)
        {
            await StopAsync().ConfigureAwait(false);
            return $"redis-server on port {Port} did not say it was ready within {StartupTimeout}. Output:\n{Output()}";
        }

        await exited.ConfigureAwait(false); // all output read
        var code = process.ExitCode;
        await StopAsync().ConfigureAwait(false);
        return $"redis-server on port {Port} exited with code {code} at start. Output:\n{Output()}";
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

    private string Output() => string.Join('\n', _output);

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
}
