using System.Globalization;

namespace PrescreenBot.Redis.Protocol;

/// <summary>
/// One argument of a command: text (sent as UTF-8), raw bytes (binary safe) or an integer.
/// Converts implicitly, so commands read like Redis: <c>ExecuteAsync("SET", key, value, "EX", 60)</c>.
/// </summary>
public readonly struct RedisArg
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _number;
    private readonly Kind _kind;

    private RedisArg(string? text, ReadOnlyMemory<byte> bytes, long number, Kind kind)
    {
        _text = text;
        _bytes = bytes;
        _number = number;
        _kind = kind;
    }

    private enum Kind : byte
    {
        Text,
        Bytes,
        Number,
    }

    public static implicit operator RedisArg(string text) =>
        new(text ?? throw new ArgumentNullException(nameof(text), "A Redis argument cannot be null."), default, 0, Kind.Text);

    public static implicit operator RedisArg(byte[] bytes) =>
        new(null, bytes ?? throw new ArgumentNullException(nameof(bytes), "A Redis argument cannot be null."), 0, Kind.Bytes);

    public static implicit operator RedisArg(ReadOnlyMemory<byte> bytes) => new(null, bytes, 0, Kind.Bytes);

    public static implicit operator RedisArg(long number) => new(null, default, number, Kind.Number);

    public static implicit operator RedisArg(int number) => new(null, default, number, Kind.Number);

    public static RedisArg FromString(string text) => text;

    public static RedisArg FromBytes(ReadOnlyMemory<byte> bytes) => bytes;

    public static RedisArg FromInt64(long number) => number;

    internal int ByteCount => _kind switch
    {
        Kind.Text => System.Text.Encoding.UTF8.GetByteCount(_text!),
        Kind.Bytes => _bytes.Length,
        _ => DigitCount(_number),
    };

    internal int WriteTo(Span<byte> destination) => _kind switch
    {
        Kind.Text => System.Text.Encoding.UTF8.GetBytes(_text!, destination),
        Kind.Bytes => Copy(_bytes.Span, destination),
        _ => _number.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("Integer argument does not fit."),
    };

    public override string ToString() => _kind switch
    {
        Kind.Text => _text!,
        Kind.Bytes => $"<{_bytes.Length} bytes>",
        _ => _number.ToString(CultureInfo.InvariantCulture),
    };

    internal static int DigitCount(long number)
    {
        if (number == long.MinValue)
        {
            return 20;
        }

        var count = number < 0 ? 2 : 1;
        var rest = Math.Abs(number);
        while (rest >= 10)
        {
            rest /= 10;
            count++;
        }

        return count;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
