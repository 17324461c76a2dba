using System.Buffers;

namespace PrescreenBot.Redis.Protocol;

/// <summary>
/// A command encoded once as a RESP array of bulk strings, in a pooled buffer that the connection copies into its
/// outbound pipe and then returns. Encoding happens on the caller's thread, outside any lock.
/// </summary>
internal sealed class RespCommand
{
    private byte[]? _buffer;

    private RespCommand(string name, byte[] buffer, int length)
    {
        Name = name;
        _buffer = buffer;
        Length = length;
    }

    /// <summary>The command name only (never arguments: they may carry health data).</summary>
    public string Name { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static RespCommand Encode(string name, ReadOnlySpan<RedisArg> args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var nameArg = (RedisArg)name;
        var size = HeaderSize(args.Length + 1) + BulkSize(nameArg.ByteCount);
        Span<int> lengths = args.Length <= 64 ? stackalloc int[args.Length] : new int[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            lengths[i] = args[i].ByteCount;
            size += BulkSize(lengths[i]);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var span = buffer.AsSpan();
        var at = WriteHeader(span, '*', args.Length + 1);
        at += WriteBulk(span[at..], nameArg, nameArg.ByteCount);
        for (var i = 0; i < args.Length; i++)
        {
            at += WriteBulk(span[at..], args[i], lengths[i]);
        }

        return new RespCommand(name, buffer, at);
    }

    /// <summary>Gives the buffer back to the pool once the bytes are in the outbound pipe (or the command is dropped).</summary>
    public void Release()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int HeaderSize(int number) => 1 + RedisArg.DigitCount(number) + 2; // type byte, digits, CRLF

    private static int BulkSize(int length) => HeaderSize(length) + length + 2;

    private static int WriteHeader(Span<byte> span, char prefix, int number)
    {
        span[0] = (byte)prefix;
        number.TryFormat(span[1..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        span[1 + digits] = (byte)'\r';
        span[2 + digits] = (byte)'\n';
        return 3 + digits;
    }

    private static int WriteBulk(Span<byte> span, RedisArg arg, int length)
    {
        var at = WriteHeader(span, '$', length);
        at += arg.WriteTo(span[at..]);
        span[at++] = (byte)'\r';
        span[at++] = (byte)'\n';
        return at;
    }
}
