using System.Net;
using System.Net.Sockets;

namespace PrescreenBot.Testing;

/// <summary>
/// A loopback port on which connections are refused at once, for as long as this lives: the socket is bound (so nobody
/// else, in this process or another, can take the port) but never listens. "A port nobody listens on" chosen and released
/// could meanwhile become another test's server, which would then answer what this test expects to fail.
/// </summary>
public sealed class RefusedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ExclusiveAddressUse = true };

    public RefusedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
