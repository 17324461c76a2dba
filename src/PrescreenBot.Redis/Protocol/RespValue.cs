using System.Globalization;
using System.Text;

namespace PrescreenBot.Redis.Protocol;

/// <summary>
/// One reply from Redis. Strings keep their raw bytes (binary safe); aggregates keep their items;
/// a RESP2 nil bulk string or nil array is <see cref="RespType.Null"/>.
/// </summary>
public readonly struct RespValue
{
    private readonly object? _payload; // byte[] for string-like kinds, RespValue[] for aggregates
    private readonly long _scalar;     // Integer / Boolean (0 or 1) / Double bits

    private RespValue(RespType type, object? payload, long scalar)
    {
        Type = type;
        _payload = payload;
        _scalar = scalar;
    }

    public RespType Type { get; }

    public bool IsNull => Type == RespType.Null;

    public bool IsError => Type == RespType.Error;

    public bool IsAggregate => Type is RespType.Array or RespType.Map or RespType.Set or RespType.Push;

    public static RespValue Null { get; } = new(RespType.Null, null, 0);

    public static RespValue FromString(RespType type, byte[] bytes) => new(type, bytes, 0);

    public static RespValue FromInteger(long value) => new(RespType.Integer, null, value);

    public static RespValue FromBoolean(bool value) => new(RespType.Boolean, null, value ? 1 : 0);

    public static RespValue FromDouble(double value) => new(RespType.Double, null, BitConverter.DoubleToInt64Bits(value));

    public static RespValue FromItems(RespType type, RespValue[] items) => new(type, items, 0);

    /// <summary>The raw bytes of a string-like reply (empty for other kinds).</summary>
    public ReadOnlyMemory<byte> Bytes => _payload as byte[] ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>The raw bytes, or null for a nil reply.</summary>
    public byte[]? ToBytes() => IsNull ? null : _payload as byte[] ?? Encoding.UTF8.GetBytes(ToString());

    /// <summary>The items of an aggregate reply (empty for other kinds).</summary>
    public IReadOnlyList<RespValue> Items => _payload as RespValue[] ?? [];

    public long Integer => Type switch
    {
        RespType.Integer or RespType.Boolean => _scalar,
        RespType.SimpleString or RespType.BulkString => long.Parse(ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"A {Type} reply is not an integer."),
    };

    public double Double => Type == RespType.Double
        ? BitConverter.Int64BitsToDouble(_scalar)
        : double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The reply as text (UTF-8); null for nil.</summary>
    public string? AsString() => IsNull ? null : ToString();

    public override string ToString() => Type switch
    {
        RespType.Null => string.Empty,
        RespType.Integer => _scalar.ToString(CultureInfo.InvariantCulture),
        RespType.Boolean => _scalar != 0 ? "true" : "false",
        RespType.Double => Double.ToString("R", CultureInfo.InvariantCulture),
        RespType.Array or RespType.Map or RespType.Set or RespType.Push => $"{Type}[{Items.Count}]",
        _ => Encoding.UTF8.GetString((byte[])_payload!),
    };
}
