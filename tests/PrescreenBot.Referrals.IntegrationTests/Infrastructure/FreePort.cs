using System.Net;
using System.Net.Sockets;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on the port, or the process died, or the deadline passed.</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> hasExited, Func<string> diagnostics, TimeSpan deadline)
    {
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
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listened on port {port} within {deadline}: {diagnostics()}");
    }
}
