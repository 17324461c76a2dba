using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PrescreenBot.Testing;

/// <summary>
/// Ports for servers a test starts itself and must tell their port before they bind it (redis-server, PostgreSQL,
/// aiosmtpd, a webhook receiver). "Bind port 0, read it, close it, hand it over" races: until the server binds, the kernel
/// may give that same port to any socket asking for port 0 or connecting out (the Kestrel test hosts, every HTTP client,
/// the other test processes), and a restart on the same port has the same gap. These ports come from below the kernel's
/// ephemeral range, which it never hands out by itself, are never given twice by this process, and are free when given.
/// Test projects run in parallel processes, each with its own record of ports given: another process picking the same
/// port in the same instant (a random pick among ~20,000) is left to the server start, which notices the failed bind and
/// asks again (up to <see cref="MaxStartAttempts"/> times).
/// </summary>
public static class LoopbackPorts
{
    /// <summary>How often a server start moves to another port when its port was taken (by another process) meanwhile.</summary>
    public const int MaxStartAttempts = 5;

    /// <summary>Where Linux stores the range it picks port-0 and outgoing ports from.</summary>
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>Linux's default start of that range, when the file cannot be read.</summary>
    private const int DefaultEphemeralStart = 32768;

    /// <summary>Below this sit well-known and commonly configured service ports (PostgreSQL, Redis, web servers).</summary>
    private const int LowestPort = 10000;

    /// <summary>Fewer free candidates than this below the ephemeral range (an unusual range): use kernel-chosen ports instead.</summary>
    private const int MinimumCandidates = 1000;

    private const int MaxAttempts = 200;

    /// <summary>Pause between connection attempts while a server starts.</summary>
    private static readonly TimeSpan ListenPollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly HashSet<int> Given = [];
    private static readonly Lock Sync = new();

    /// <summary>A loopback port nothing is bound to now, outside the ephemeral range, never returned before in this process.</summary>
    public static int Reserve()
    {
        var high = EphemeralStart();
        lock (Sync)
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var port = high - LowestPort >= MinimumCandidates ? Random.Shared.Next(LowestPort, high) : KernelChosen();
                if (Given.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port found below {high} after {MaxAttempts} attempts.");
    }

    /// <summary>Waits until something accepts connections on the port, or the process died, or the deadline passed.</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> hasExited, Func<string> diagnostics, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(hasExited);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (stopwatch.Elapsed < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"The server process exited before listening on port {port}: {diagnostics()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(ListenPollInterval).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Nothing listened on port {port} within {deadline}: {diagnostics()}");
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int KernelChosen()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int EphemeralStart()
    {
        try
        {
            var first = File.ReadAllText(EphemeralRangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return DefaultEphemeralStart;
        }
    }
}
