using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>
/// One physical connection: the socket (optionally TLS), an outbound pipe drained by a write loop, and a read loop that
/// parses replies and hands them back to the owner. Lives from connect until the first I/O failure; never reused.
/// </summary>
internal sealed class ConnectionSession : IAsyncDisposable
{
    /// <summary>Large enough to take a burst of pipelined replies in one read.</summary>
    private const int ReadBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Pipe _outbound = new(new PipeOptions(
        pauseWriterThreshold: 0, // never block a writer inside the connection lock; the pending-command bound limits growth
        useSynchronizationContext: false));

    private readonly Action<ConnectionSession, List<RespValue>> _onReplies;
    private readonly RedisCounters _counters;
    private long _unsentBytes;
    private Task _reading = Task.CompletedTask;
    private Task _writing = Task.CompletedTask;

    private ConnectionSession(Stream stream, Action<ConnectionSession, List<RespValue>> onReplies, RedisCounters counters)
    {
        _stream = stream;
        _onReplies = onReplies;
        _counters = counters;
    }

    /// <summary>Commands written on this session and not yet answered, in the order they were written.</summary>
    public Queue<PendingCommand> Inflight { get; } = new();

    /// <summary>Written only under the owner's lock.</summary>
    public PipeWriter Outbound => _outbound.Writer;

    /// <summary>Completes (faulted) when the read or write loop stops.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public static async Task<ConnectionSession> OpenAsync(
        RedisOptions options, Action<ConnectionSession, List<RespValue>> onReplies, RedisCounters counters, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.SslHost ?? options.Host,
                        RemoteCertificateValidationCallback = options.CertificateValidation,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            var session = new ConnectionSession(stream, onReplies, counters);
            session.Start();
            return session;
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>Bytes written to <see cref="Outbound"/> that the write loop has not yet handed to the socket.</summary>
    public long UnsentBytes => Interlocked.Read(ref _unsentBytes);

    /// <summary>Tells the write loop new bytes are in <see cref="Outbound"/>. Call under the owner's lock, after writing.</summary>
    public void Flush(int bytes)
    {
        Interlocked.Add(ref _unsentBytes, bytes);
        var flush = _outbound.Writer.FlushAsync();
        if (!flush.IsCompleted)
        {
            // Only happens while the session is being torn down; the outcome no longer matters.
            _ = flush.AsTask();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _outbound.Writer.CompleteAsync().ConfigureAwait(false);
        await Task.WhenAll(_reading, _writing).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await _outbound.Reader.CompleteAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Start()
    {
        _reading = Task.Run(ReadLoopAsync);
        _writing = Task.Run(WriteLoopAsync);
        Completion = Task.WhenAny(_reading, _writing).Unwrap();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
            var buffer = result.Buffer;
            foreach (var segment in buffer)
            {
                await _stream.WriteAsync(segment, _stop.Token).ConfigureAwait(false);
            }

            if (!buffer.IsEmpty)
            {
                await _stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                _counters.AddWrite(buffer.Length);
                Interlocked.Add(ref _unsentBytes, -buffer.Length);
            }

            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted)
            {
                throw new IOException("Redis connection closed for writing.");
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, leaveOpen: true));
        var replies = new List<RespValue>();
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                var parser = new SequenceReader<byte>(buffer);
                var consumed = buffer.Start;
                while (RespParser.TryParse(ref parser, out var reply))
                {
                    replies.Add(reply);
                    consumed = parser.Position;
                }

                _counters.AddRead(buffer.Slice(0, consumed).Length);
                reader.AdvanceTo(consumed, buffer.End);
                if (replies.Count > 0)
                {
                    _onReplies(this, replies);
                    replies.Clear();
                }

                if (result.IsCompleted)
                {
                    throw new IOException("Redis closed the connection.");
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
