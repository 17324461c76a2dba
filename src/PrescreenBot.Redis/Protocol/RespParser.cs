using System.Buffers;
using System.Buffers.Text;

namespace PrescreenBot.Redis.Protocol;

/// <summary>
/// Incremental RESP parser over a <see cref="ReadOnlySequence{T}"/> (as handed out by a PipeReader).
/// <see cref="TryParse"/> returns false when the buffer holds only part of a reply; the caller keeps the bytes and retries
/// once more arrive. Malformed input throws <see cref="InvalidDataException"/>, which ends the connection.
/// </summary>
public static class RespParser
{
    /// <summary>Redis' own limit for a bulk string (proto-max-bulk-len default).</summary>
    private const long MaxBulkLength = 512L * 1024 * 1024;

    /// <summary>Guards the recursion; Redis never nests replies anywhere near this deep.</summary>
    private const int MaxDepth = 256;

    /// <summary>Longest header line accepted (type byte, a number or a simple string/error).</summary>
    private const int MaxLineLength = 64 * 1024;

    public static bool TryParse(ref SequenceReader<byte> reader, out RespValue value) => TryParse(ref reader, out value, 0);

    private static bool TryParse(ref SequenceReader<byte> reader, out RespValue value, int depth)
    {
        value = default;
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("RESP reply nested too deeply.");
        }

        if (!reader.TryRead(out var prefix) || !TryReadLine(ref reader, out var line))
        {
            return false;
        }

        switch (prefix)
        {
            case (byte)'+':
                value = RespValue.FromString(RespType.SimpleString, line.ToArray());
                return true;
            case (byte)'-':
                value = RespValue.FromString(RespType.Error, line.ToArray());
                return true;
            case (byte)'!':
                // RESP3 blob error: the header carries the length, like a bulk string.
                return TryReadBlob(ref reader, ParseInteger(line), RespType.Error, out value);
            case (byte)':':
                value = RespValue.FromInteger(ParseInteger(line));
                return true;
            case (byte)'$':
                return TryReadBlob(ref reader, ParseInteger(line), RespType.BulkString, out value);
            case (byte)'=':
                return TryReadBlob(ref reader, ParseInteger(line), RespType.VerbatimString, out value);
            case (byte)'_':
                value = RespValue.Null;
                return true;
            case (byte)'#':
                value = RespValue.FromBoolean(line.FirstSpan.Length > 0 && line.FirstSpan[0] == (byte)'t');
                return true;
            case (byte)',':
                value = RespValue.FromDouble(ParseDouble(line));
                return true;
            case (byte)'(':
                value = RespValue.FromString(RespType.BigNumber, line.ToArray());
                return true;
            case (byte)'*':
                return TryReadAggregate(ref reader, ParseInteger(line), 1, RespType.Array, out value, depth);
            case (byte)'~':
                return TryReadAggregate(ref reader, ParseInteger(line), 1, RespType.Set, out value, depth);
            case (byte)'>':
                return TryReadAggregate(ref reader, ParseInteger(line), 1, RespType.Push, out value, depth);
            case (byte)'%':
                return TryReadAggregate(ref reader, ParseInteger(line), 2, RespType.Map, out value, depth);
            default:
                throw new InvalidDataException($"Unexpected RESP type byte 0x{prefix:X2}.");
        }
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true))
        {
            return true;
        }

        if (reader.Remaining > MaxLineLength)
        {
            throw new InvalidDataException("RESP header line too long.");
        }

        return false;
    }

    private static bool TryReadBlob(ref SequenceReader<byte> reader, long length, RespType type, out RespValue value)
    {
        value = default;
        if (length == -1)
        {
            value = RespValue.Null;
            return true;
        }

        if (length is < 0 or > MaxBulkLength)
        {
            throw new InvalidDataException($"Invalid RESP bulk length {length}.");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        reader.TryCopyTo(bytes);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new InvalidDataException("RESP bulk string not terminated by CRLF.");
        }

        value = RespValue.FromString(type, bytes);
        return true;
    }

    private static bool TryReadAggregate(
        ref SequenceReader<byte> reader, long count, int elementsPerEntry, RespType type, out RespValue value, int depth)
    {
        value = default;
        if (count == -1)
        {
            value = RespValue.Null;
            return true;
        }

        if (count < 0 || count * elementsPerEntry > int.MaxValue / 2)
        {
            throw new InvalidDataException($"Invalid RESP aggregate length {count}.");
        }

        var total = (int)count * elementsPerEntry;

        // Each element is at least 3 bytes; a cheap early exit before allocating for a reply that has not fully arrived.
        if (reader.Remaining < total * 3L)
        {
            return false;
        }

        var items = total == 0 ? [] : new RespValue[total];
        for (var i = 0; i < total; i++)
        {
            if (!TryParse(ref reader, out items[i], depth + 1))
            {
                return false;
            }
        }

        value = RespValue.FromItems(type, items);
        return true;
    }

    private static long ParseInteger(ReadOnlySequence<byte> line)
    {
        Span<byte> scratch = stackalloc byte[32];
        var span = Flatten(line, scratch);
        if (!Utf8Parser.TryParse(span, out long number, out var consumed) || consumed != span.Length)
        {
            throw new InvalidDataException("Invalid RESP integer.");
        }

        return number;
    }

    private static double ParseDouble(ReadOnlySequence<byte> line)
    {
        Span<byte> scratch = stackalloc byte[64];
        var span = Flatten(line, scratch);
        if (span.SequenceEqual("inf"u8))
        {
            return double.PositiveInfinity;
        }

        if (span.SequenceEqual("-inf"u8))
        {
            return double.NegativeInfinity;
        }

        if (!Utf8Parser.TryParse(span, out double number, out var consumed) || consumed != span.Length)
        {
            throw new InvalidDataException("Invalid RESP double.");
        }

        return number;
    }

    private static ReadOnlySpan<byte> Flatten(ReadOnlySequence<byte> line, Span<byte> scratch)
    {
        if (line.IsSingleSegment)
        {
            return line.FirstSpan;
        }

        if (line.Length > scratch.Length)
        {
            throw new InvalidDataException("RESP number too long.");
        }

        line.CopyTo(scratch);
        return scratch[..(int)line.Length];
    }
}
