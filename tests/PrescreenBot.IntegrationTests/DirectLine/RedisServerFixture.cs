using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>
/// A throwaway <c>redis-server</c> on a random loopback port with no persistence, in a temporary directory. A missing
/// binary is a failure with a clear message, never a skip.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
    private Process? _process;
    private string? _directory;

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var binary = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server was not found (looked in /usr/bin and /usr/local/bin). Install it (apt-get install -y redis-server); the Direct Line scale-out tests need a real Redis.");
        _directory = Directory.CreateTempSubdirectory("prescreenbot-dl-redis-").FullName;
        Port = FreePort();
        _process = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    /// <summary>Kills the server (the "Redis is down" fault).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before listening on {Port}.");
                }

                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 5 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
