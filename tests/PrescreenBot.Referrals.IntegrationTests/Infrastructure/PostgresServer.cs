using Npgsql;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster in a temp directory on a random loopback port (Debian's <c>postgresql</c>
/// binaries). As root, the server runs as the <c>postgres</c> user, which PostgreSQL requires.
/// A missing binary is a failure with the install command, never a skip.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan ToolDeadline = TimeSpan.FromMinutes(2);

    /// <summary>How long the started server may take to accept a connection: a safety net for a loaded machine.</summary>
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(120);

    private readonly string _binaries;
    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binaries, string root, bool asPostgresUser, int port)
    {
        _binaries = binaries;
        _root = root;
        _dataDirectory = Path.Combine(root, "data");
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; private set; }

    private string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        // The postgres user must reach the folder: a root-only TMPDIR would not do, /tmp always does.
        var root = Path.Combine(asPostgresUser ? "/tmp" : Path.GetTempPath(), "prescreen-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        if (asPostgresUser)
        {
            await ExternalProcess.RunAsync("chown", ["postgres:postgres", root], ToolDeadline);
        }

        var server = new PostgresServer(binaries, root, asPostgresUser, LoopbackPorts.Reserve());
        // --no-locale: the cluster must not depend on the machine's LANG (initdb refuses a locale the OS does not have).
        await server.RunToolAsync("initdb", ["-D", server._dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        await server.ListenOnAFreePortAsync();
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>
    /// Starts the server; should its port have been taken by another process since it was chosen, the server says so in its
    /// log and another port is tried (nobody was told the port yet).
    /// </summary>
    private async Task ListenOnAFreePortAsync()
    {
        var log = Path.Combine(_root, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunToolAsync("pg_ctl",
                [
                    "-D", _dataDirectory, "-l", log, "-w", "-t", "120",
                    "-o", $"-p {Port} -h 127.0.0.1 -k {_root} -F -c max_connections=200", "start",
                ]);
                return;
            }
            catch (InvalidOperationException) when (attempt < LoopbackPorts.MaxStartAttempts && PortWasTaken(log))
            {
                Port = LoopbackPorts.Reserve();
            }
        }
    }

    private static bool PortWasTaken(string log)
    {
        try
        {
            return File.ReadAllText(log).Contains("Address already in use", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Timeout=30";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunToolAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            : [];
        return candidates.OrderByDescending(bin => bin, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin. Install them: apt-get install -y postgresql (tests/run.sh does).");
    }

    private async Task WaitUntilReadyAsync()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (stopwatch.Elapsed < ReadyPatience)
            {
                await Task.Delay(200);
            }
        }
    }

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binaries, tool);
        return _asPostgresUser
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], ToolDeadline)
            : ExternalProcess.RunAsync(path, arguments, ToolDeadline);
    }
}
