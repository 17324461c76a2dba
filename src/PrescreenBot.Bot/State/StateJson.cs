using System.Text.Json;

namespace PrescreenBot.Bot.State;

/// <summary>
/// How untyped state values come back from JSON: strings, booleans and numbers as .NET values (int, long, decimal or
/// double), objects and arrays as <see cref="JsonElement"/> (typed on first access by <see cref="StateValues"/>).
/// Reading primitives directly avoids a JSON document per value, which dominated the cost of a turn.
/// </summary>
internal static class StateJson
{
    public static object? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var i) => i,
        JsonTokenType.Number when reader.TryGetInt64(out var l) => l,
        JsonTokenType.Number when reader.TryGetDecimal(out var m) => m,
        JsonTokenType.Number => reader.GetDouble(),
        _ => JsonElement.ParseValue(ref reader),
    };

    /// <summary>
    /// Writes a state value. Primitives, bags and our own state types are written directly: a nested serializer call
    /// costs a fresh serializer stack each time, which used to be most of a turn's allocations.
    /// </summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case Enum enumValue:
                writer.WriteNumberValue(Convert.ToInt64(enumValue, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case Dictionary<string, object?> bag:
                WriteBag(writer, bag, options);
                break;
            case IStateJson stateJson:
                stateJson.WriteJson(writer, options);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), CompactStateJson.For(options));
                break;
        }
    }

    /// <summary>Reads an object of named values; <paramref name="knownType"/> names keys whose values deserialize straight to a type.</summary>
    public static Dictionary<string, object?> ReadBag(ref Utf8JsonReader reader, JsonSerializerOptions options, Func<string, Type?>? knownType = null)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for state, got {reader.TokenType}.");
        }

        var bag = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            bag[key] = knownType?.Invoke(key) is { } type && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                ? ReadKnown(ref reader, type, options)
                : ReadValue(ref reader);
        }

        return bag;
    }

    public static void WriteBag(Utf8JsonWriter writer, Dictionary<string, object?> bag, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in bag)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>A key our dialogs use with a known type; if someone else stored something different there, keep it as JSON.</summary>
    private static object? ReadKnown(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options)
    {
        var checkpoint = reader;
        try
        {
            return options.GetConverter(type) is IDirectStateReader direct
                ? direct.ReadDirect(ref reader, options)
                : JsonSerializer.Deserialize(ref reader, type, options);
        }
        catch (JsonException)
        {
            reader = checkpoint;
            return ReadValue(ref reader);
        }
    }
}

/// <summary>A state type that writes its own JSON (see <see cref="StateJson.WriteValue"/>).</summary>
internal interface IStateJson
{
    void WriteJson(Utf8JsonWriter writer, JsonSerializerOptions options);
}

/// <summary>A converter that can read without a serializer stack of its own (called from other state converters).</summary>
internal interface IDirectStateReader
{
    object? ReadDirect(ref Utf8JsonReader reader, JsonSerializerOptions options);
}

/// <summary>Applies <see cref="StateJson"/> to every <c>Dictionary&lt;string, object?&gt;</c> serialized with <c>BotJson.Options</c>.</summary>
internal sealed class StateBagConverter : System.Text.Json.Serialization.JsonConverter<Dictionary<string, object?>>, IDirectStateReader
{
    public object? ReadDirect(ref Utf8JsonReader reader, JsonSerializerOptions options) => StateJson.ReadBag(ref reader, options);

    public override Dictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StateJson.ReadBag(ref reader, options);

    public override void Write(Utf8JsonWriter writer, Dictionary<string, object?> value, JsonSerializerOptions options) =>
        StateJson.WriteBag(writer, value, options);
}

/// <summary>Applies <see cref="StateJson"/> to one <c>object</c> property.</summary>
internal sealed class StateValueConverter : System.Text.Json.Serialization.JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => StateJson.ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => StateJson.WriteValue(writer, value, options);
}
