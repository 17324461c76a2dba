using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>
/// Keeps a step's input result in state so "back" can run the step again with the same <c>Result</c>, typed as before.
/// Only a closed set of result types is re-typed (the prompts' results and primitives) — never a type named by stored
/// data; anything else comes back as a <see cref="JsonElement"/>.
/// </summary>
internal static class StepResultCodec
{
    public static WaterfallHistoryEntry Encode(int step, object? result) => result switch
    {
        null => new WaterfallHistoryEntry { Step = step },
        string => new WaterfallHistoryEntry { Step = step, Type = "s", Value = result },
        bool => new WaterfallHistoryEntry { Step = step, Type = "b", Value = result },
        int => new WaterfallHistoryEntry { Step = step, Type = "i", Value = result },
        long => new WaterfallHistoryEntry { Step = step, Type = "l", Value = result },
        double => new WaterfallHistoryEntry { Step = step, Type = "d", Value = result },
        float => new WaterfallHistoryEntry { Step = step, Type = "f", Value = result },
        decimal => new WaterfallHistoryEntry { Step = step, Type = "m", Value = result },
        FoundChoice => new WaterfallHistoryEntry { Step = step, Type = "choice", Value = result },
        YesNoUnsure => new WaterfallHistoryEntry { Step = step, Type = "yns", Value = result },
        IList<DateTimeResolution> => new WaterfallHistoryEntry { Step = step, Type = "dates", Value = result },
        PromptNotRecognized => new WaterfallHistoryEntry { Step = step, Type = "none", Value = result },
        _ => new WaterfallHistoryEntry { Step = step, Type = "json", Value = result },
    };

    public static object? Decode(WaterfallHistoryEntry entry) => entry.Type switch
    {
        null => null,
        "s" => StateValues.ConvertTo<string>(entry.Value),
        "b" => StateValues.ConvertTo<bool>(entry.Value),
        "i" => StateValues.ConvertTo<int>(entry.Value),
        "l" => StateValues.ConvertTo<long>(entry.Value),
        "d" => StateValues.ConvertTo<double>(entry.Value),
        "f" => StateValues.ConvertTo<float>(entry.Value),
        "m" => StateValues.ConvertTo<decimal>(entry.Value),
        "choice" => StateValues.ConvertTo<FoundChoice>(entry.Value),
        "yns" => StateValues.ConvertTo<YesNoUnsure>(entry.Value),
        "dates" => StateValues.ConvertTo<List<DateTimeResolution>>(entry.Value),
        "none" => StateValues.ConvertTo<PromptNotRecognized>(entry.Value),
        _ => entry.Value is JsonElement ? entry.Value : StateValues.ConvertTo<JsonElement>(entry.Value),
    };
}

/// <summary>A waterfall step that waited for the user, and the result it had been given (for "back").</summary>
internal sealed class WaterfallHistoryEntry
{
    public int Step { get; set; }

    public string? Type { get; set; }

    public object? Value { get; set; }
}

/// <summary>The steps of a waterfall that waited for the user, oldest first; compact, hand-written JSON <c>[{"s":1,"t":"yns","v":2}]</c>.</summary>
[JsonConverter(typeof(WaterfallHistoryConverter))]
internal sealed class WaterfallHistory : List<WaterfallHistoryEntry>, IStateJson
{
    public void WriteJson(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var entry in this)
        {
            writer.WriteStartObject();
            writer.WriteNumber("s", entry.Step);
            if (entry.Type is not null)
            {
                writer.WriteString("t", entry.Type);
                writer.WritePropertyName("v");
                StateJson.WriteValue(writer, entry.Value, options);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

internal sealed class WaterfallHistoryConverter : JsonConverter<WaterfallHistory>, IDirectStateReader
{
    public override WaterfallHistory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadHistory(ref reader);

    public override void Write(Utf8JsonWriter writer, WaterfallHistory value, JsonSerializerOptions options) => value.WriteJson(writer, options);

    public object? ReadDirect(ref Utf8JsonReader reader, JsonSerializerOptions options) => ReadHistory(ref reader);

    private static WaterfallHistory ReadHistory(ref Utf8JsonReader reader)
    {
        DialogStateConverter.Expect(ref reader, JsonTokenType.StartArray);
        var history = new WaterfallHistory();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            DialogStateConverter.Expect(ref reader, JsonTokenType.StartObject);
            var entry = new WaterfallHistoryEntry();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.ValueSpan.Length == 1 ? (char)reader.ValueSpan[0] : '?';
                reader.Read();
                switch (name)
                {
                    case 's':
                        entry.Step = reader.GetInt32();
                        break;
                    case 't':
                        entry.Type = ResultTags.ReadTag(ref reader);
                        break;
                    case 'v':
                        entry.Value = StateJson.ReadValue(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            history.Add(entry);
        }

        return history;
    }
}

/// <summary>Reads the result tags as shared constants instead of a new string per entry per turn.</summary>
internal static class ResultTags
{
    private static readonly string[] Tags = ["s", "b", "i", "l", "d", "f", "m", "choice", "yns", "dates", "none", "json"];

    public static string? ReadTag(ref Utf8JsonReader reader)
    {
        foreach (var tag in Tags)
        {
            if (reader.ValueTextEquals(tag))
            {
                return tag;
            }
        }

        return reader.GetString();
    }
}
