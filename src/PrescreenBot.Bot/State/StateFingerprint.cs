using System.Buffers;
using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.State;

/// <summary>
/// A 64-bit fingerprint (length + FNV-1a) of state as JSON, to tell whether a turn changed it without keeping a copy.
/// Serializes into a per-thread reusable buffer, so checking costs no allocation for the JSON itself.
/// </summary>
internal readonly record struct StateFingerprint(int Length, ulong Hash)
{
    /// <summary>Buffers grown beyond this are dropped after use rather than kept per thread.</summary>
    private const int MaxRetainedBufferBytes = 256 * 1024;

    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static StateFingerprint Of(Dictionary<string, object?> state) => Of(state, previous: null, out _);

    /// <summary>
    /// The fingerprint of <paramref name="state"/>; when there is a <paramref name="previous"/> one and it differs, also the JSON it was
    /// taken of (written with <see cref="BotJson.Options"/>), so the save that follows need not serialize the state again.
    /// </summary>
    public static StateFingerprint Of(Dictionary<string, object?> state, StateFingerprint? previous, out PreparedJson? changedJson)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            StateJson.WriteBag(writer, state, BotJson.Options);
            writer.Flush();
            var hash = FnvOffsetBasis;
            foreach (var b in buffer.WrittenSpan)
            {
                hash = (hash ^ b) * FnvPrime;
            }

            var fingerprint = new StateFingerprint(buffer.WrittenCount, hash);
            changedJson = previous is null || fingerprint == previous ? null : PreparedJson.CopyOf(buffer.WrittenSpan);
            return fingerprint;
        }
        finally
        {
            if (buffer.Capacity > MaxRetainedBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }
}

/// <summary>JSON in a pooled buffer, held for the moment of one write; <see cref="Return"/> gives the buffer back.</summary>
internal sealed class PreparedJson
{
    private byte[]? _rented;

    private PreparedJson(byte[] rented, int length)
    {
        _rented = rented;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The JSON; empty once returned.</summary>
    public ReadOnlySpan<byte> Span => _rented is { } rented ? rented.AsSpan(0, Length) : default;

    public bool IsReturned => _rented is null;

    public static PreparedJson CopyOf(ReadOnlySpan<byte> json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(json.Length);
        json.CopyTo(rented);
        return new PreparedJson(rented, json.Length);
    }

    public void Return()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
