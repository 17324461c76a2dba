using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.State;

/// <summary>
/// What a <see cref="BotState"/> stores under its key: the named properties at the top level (as Bot Builder does)
/// plus an <c>eTag</c>. Being an <see cref="IStoreItem"/> makes every save an optimistic-concurrency check.
/// </summary>
[JsonConverter(typeof(BotStateDocumentConverter))]
public sealed class BotStateDocument : IStoreItem
{
    internal const string ETagPropertyName = "eTag";

    public string? ETag { get; set; }

    /// <summary>The named properties; after a read, typed as their accessors declare, or <see cref="JsonElement"/> until first typed access.</summary>
    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="State"/> as JSON, set by a save only for the moment of its write (see <see cref="BotState"/>): the
    /// state was just serialized to see whether it changed, so the storage writes those bytes instead of serializing
    /// it again.
    /// </summary>
    internal PreparedJson? PreparedStateJson { get; set; }
}

internal sealed class BotStateDocumentConverter : JsonConverter<BotStateDocument>
{
    public override BotStateDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = StateJson.ReadBag(ref reader, options, StatePropertyTypes.Find);
        string? etag = null;
        if (state.Remove(BotStateDocument.ETagPropertyName, out var stored))
        {
            etag = stored as string;
        }

        return new BotStateDocument { ETag = etag, State = state };
    }

    private static readonly byte[] ETagPropertyPrefix = Encoding.UTF8.GetBytes($"{{\"{BotStateDocument.ETagPropertyName}\":\"");

    public override void Write(Utf8JsonWriter writer, BotStateDocument value, JsonSerializerOptions options)
    {
        // Prepared with BotJson.Options; other options (indenting, another encoder) serialize as usual.
        if (value.PreparedStateJson is { IsReturned: false, Length: >= 2 } prepared && ReferenceEquals(options, BotJson.Options))
        {
            WriteWithETag(writer, prepared.Span, value.ETag);
            return;
        }

        writer.WriteStartObject();
        if (value.ETag is not null)
        {
            writer.WriteString(BotStateDocument.ETagPropertyName, value.ETag);
        }

        foreach (var (key, item) in value.State)
        {
            writer.WritePropertyName(key);
            StateJson.WriteValue(writer, item, options);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>{"eTag":"…",</c> followed by the prepared object's properties, as the usual path lays them out.</summary>
    private static void WriteWithETag(Utf8JsonWriter writer, ReadOnlySpan<byte> state, string? etag)
    {
        if (etag is null)
        {
            writer.WriteRawValue(state, skipInputValidation: true);
            return;
        }

        var escaped = JsonEncodedText.Encode(etag).EncodedUtf8Bytes;
        var hasProperties = state.Length > 2;
        var length = ETagPropertyPrefix.Length + escaped.Length + 1 + (hasProperties ? 1 : 0) + state.Length - 1;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = rented.AsSpan();
            ETagPropertyPrefix.CopyTo(span);
            span = span[ETagPropertyPrefix.Length..];
            escaped.CopyTo(span);
            span = span[escaped.Length..];
            span[0] = (byte)'"';
            span = span[1..];
            if (hasProperties)
            {
                span[0] = (byte)',';
                span = span[1..];
            }

            state[1..].CopyTo(span);
            writer.WriteRawValue(rented.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
