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

    public static StateFingerprint Of(Dictionary<string, object?> state)
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

            return new StateFingerprint(buffer.WrittenCount, hash);
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
