using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PrescreenBot.Benchmarks.Redis;

/// <summary>A throwaway redis-server for one benchmark run: free port, temp directory, no persistence; killed on dispose.</summary>
internal sealed class BenchmarkRedisServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private BenchmarkRedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static BenchmarkRedisServer Start()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var directory = Directory.CreateTempSubdirectory("prescreenbot-bench-redis-").FullName;
        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--appendonly", "no", "--dir", directory, "--logfile", Path.Combine(directory, "redis.log"),
        })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server not found on PATH; run the README test command, which installs it", ex);
        }

        var server = new BenchmarkRedisServer(process, directory, port);
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (started.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                Thread.Sleep(20);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
