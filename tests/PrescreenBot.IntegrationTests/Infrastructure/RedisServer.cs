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
    /// <summary>Where Debian and source builds put the binary, in case PATH (e.g. under a test runner) lacks them.</summary>
    private static readonly string[] KnownLocations = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private readonly string _directory = Directory.CreateTempSubdirectory("prescreenbot-redis-").FullName;
    private readonly RedisProcess _process = new();
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
    /// process says it accepts connections.
    /// </summary>
    public async Task StartAsync()
    {
        if (_process.IsRunning)
        {
            throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        }

        var binary = FindBinary()
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH nor in /usr/bin or /usr/local/bin. The Redis tests need a real Redis: run the README test command (bash tests/run.sh), which installs it, or apt-get install -y redis-server.");
        for (var attempt = 1; ; attempt++)
        {
            var failure = await _process.TryStartAsync(binary, Arguments());
            if (failure is null)
            {
                _everStarted = true;
                return;
            }

            // Only before anyone was given this port may it change; a restart must come back where the clients look.
            if (_everStarted || attempt == LoopbackPorts.MaxStartAttempts || !RedisProcess.PortWasTaken(failure))
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not start: {failure}");
            }

            Port = LoopbackPorts.Reserve();
        }
    }

    /// <summary>Kills the server at once (SIGKILL: the "Redis is down / crashed" fault).</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Freezes the server (SIGSTOP): connections stay open, nothing answers (the "Redis hung" fault).</summary>
    public Task PauseAsync() => _process.PauseAsync();

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public Task ResumeAsync() => _process.ResumeAsync();

    public async Task DisposeAsync()
    {
        await KillAsync(); // SIGKILL ends a paused (SIGSTOPped) server too.
        _process.Dispose();
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

    private static string? FindBinary() =>
        RedisProcess.FindOnPath("redis-server", Environment.GetEnvironmentVariable("PATH")) ?? KnownLocations.FirstOrDefault(File.Exists);
}
