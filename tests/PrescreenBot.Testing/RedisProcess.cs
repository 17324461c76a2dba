using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PrescreenBot.Testing;

/// <summary>
/// The redis-server process behind a test's Redis fixture, one run at a time: started with the fixture's arguments and
/// ready only once this very process says it accepts connections (a PING could be answered by another test's server on
/// a reused port); killed (SIGKILL, a crash), paused (SIGSTOP, a hang) and resumed (SIGCONT). Its last output lines go
/// into failure messages.
/// </summary>
public sealed class RedisProcess : IDisposable
{
    /// <summary>How long redis-server may take to say it is ready; a safety net for a loaded machine, not a speed check.</summary>
    public static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    /// <summary>What redis-server prints once it listens (7.0: "Ready to accept connections", 7.2+: "… tcp").</summary>
    private const string ReadyLine = "Ready to accept connections";

    /// <summary>What it prints when its port was taken.</summary>
    private const string AddressInUse = "Address already in use";

    /// <summary>Output lines kept for a failure message.</summary>
    private const int OutputLinesKept = 40;

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Whether a start failed because another process had taken the port (then another port may be tried).</summary>
    public static bool PortWasTaken(string failure) => failure.Contains(AddressInUse, StringComparison.Ordinal);

    /// <summary>The first <paramref name="name"/> file in the folders of a PATH-style list, or null.</summary>
    public static string? FindOnPath(string name, string? searchPath) =>
        (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts <paramref name="binary"/>; null once it is ready, else why it is not (it is then no longer running).</summary>
    public async Task<string?> TryStartAsync(string binary, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        _process?.Dispose();
        _output.Clear();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
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
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartupLimit, stopWaiting.Token)).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        if (first == ready.Task)
        {
            return null;
        }

        if (first != exited)
        {
            await KillAsync().ConfigureAwait(false);
            return $"it did not say it was ready within {StartupLimit.TotalSeconds} s. Output:{Environment.NewLine}{Output()}";
        }

        await exited.ConfigureAwait(false); // all output read
        return $"it exited with code {process.ExitCode}. Output:{Environment.NewLine}{Output()}";
    }

    /// <summary>Kills the server at once (SIGKILL, which also ends a paused one) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open, nothing answers.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    public void Dispose() => _process?.Dispose();

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

    private string Output() => string.Join(Environment.NewLine, _output);

    private async Task SignalAsync(string signal)
    {
        var process = _process is { HasExited: false } running
            ? running
            : throw new InvalidOperationException("redis-server is not running.");
        var kill = FindOnPath("kill", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException("The kill command was not found on PATH (procps); it sends SIGSTOP/SIGCONT to Redis.");
        using var sender = Process.Start(new ProcessStartInfo(kill)
        {
            ArgumentList = { signal, process.Id.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"kill {signal} did not start.");
        await sender.WaitForExitAsync().ConfigureAwait(false);
        if (sender.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {process.Id} failed with exit code {sender.ExitCode}.");
        }
    }
}
