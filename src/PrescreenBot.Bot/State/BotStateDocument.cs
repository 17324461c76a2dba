using System.Text.Json;
using System.Text.Json.Serialization;

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

    public override void Write(Utf8JsonWriter writer, BotStateDocument value, JsonSerializerOptions options)
    {
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
}
