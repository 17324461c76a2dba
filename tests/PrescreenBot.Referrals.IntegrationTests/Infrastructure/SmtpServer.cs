using System.Diagnostics;
using System.Text;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd with <c>save_handler.py</c>, which saves each accepted message to a
/// temp directory. A missing aiosmtpd is a failure with the install command, never a skip.
/// </summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    /// <summary>Debian's interpreter, where python3-aiosmtpd installs (a pyenv python3 earlier on PATH lacks it).</summary>
    private const string DefaultPython = "/usr/bin/python3";

    /// <summary>How long aiosmtpd may take to listen: a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    /// <summary>How long a test waits for mail by default: a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan MessagePatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private SmtpServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public static async Task<SmtpServer> StartAsync()
    {
        var python = Environment.GetEnvironmentVariable("PRESCREEN_TEST_PYTHON") ?? DefaultPython;
        if (!File.Exists(python))
        {
            throw new InvalidOperationException($"{python} not found; install Debian's aiosmtpd: apt-get install -y python3-aiosmtpd (tests/run.sh does).");
        }

        var probe = await RunQuietAsync(python, "-c \"import aiosmtpd\"");
        if (probe != 0)
        {
            throw new InvalidOperationException($"{python} cannot import aiosmtpd; install it: apt-get install -y python3-aiosmtpd (tests/run.sh does).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "prescreen-smtp-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        for (var attempt = 1; ; attempt++)
        {
            var server = Start(python, directory, LoopbackPorts.Reserve());
            try
            {
                await LoopbackPorts.WaitUntilListeningAsync(server.Port, () => server._process.HasExited, server.Diagnostics, StartPatience);
                return server;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                await server.StopProcessAsync(); // also reads the rest of its error output
                // Another process took the port since it was chosen; nobody was told it yet, so take another.
                if (attempt == LoopbackPorts.MaxStartAttempts || !server.Diagnostics().Contains("in use", StringComparison.OrdinalIgnoreCase))
                {
                    System.IO.Directory.Delete(directory, recursive: true);
                    throw;
                }
            }
        }
    }

    private static SmtpServer Start(string python, string directory, int port)
    {
        var handlerFolder = Path.Combine(AppContext.BaseDirectory, "Infrastructure");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "save_handler.SaveToDirectory", directory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = handlerFolder;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var server = new SmtpServer(process, port, directory);
        process.ErrorDataReceived += (_, e) => { lock (server._errors) { server._errors.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return server;
    }

    /// <summary>The saved messages that contain <paramref name="marker"/> (e.g. a referral id), waiting until there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(string marker, int count, TimeSpan? deadline = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var messages = MessagesContaining(marker);
            if (messages.Count >= count || stopwatch.Elapsed > (deadline ?? MessagePatience))
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public IReadOnlyList<string> MessagesContaining(string marker) =>
        System.IO.Directory.GetFiles(Directory, "*.eml")
            .Select(File.ReadAllText)
            .Where(text => text.Contains(marker, StringComparison.Ordinal))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task StopProcessAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private string Diagnostics()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    private static async Task<int> RunQuietAsync(string fileName, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
