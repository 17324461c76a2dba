using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>The persisted dialog stack of a conversation (top of the stack is index 0).</summary>
[JsonConverter(typeof(DialogStateConverter))]
public sealed class DialogState : IStateJson
{
    internal const string DialogStackName = "dialogStack";

    public List<DialogInstance> DialogStack { get; set; } = [];

    void IStateJson.WriteJson(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(DialogStackName);
        foreach (var instance in DialogStack)
        {
            DialogInstanceConverter.WriteInstance(writer, instance, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>Hand-written, because the dialog stack is read and written on every turn (see <see cref="StateJson"/>).</summary>
internal sealed class DialogStateConverter : JsonConverter<DialogState>, IDirectStateReader
{
    public override DialogState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadState(ref reader, options);

    public override void Write(Utf8JsonWriter writer, DialogState value, JsonSerializerOptions options) => ((IStateJson)value).WriteJson(writer, options);

    public object? ReadDirect(ref Utf8JsonReader reader, JsonSerializerOptions options) => ReadState(ref reader, options);

    public static DialogState ReadState(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var state = new DialogState();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isStack = reader.ValueTextEquals(DialogState.DialogStackName) || string.Equals(reader.GetString(), DialogState.DialogStackName, StringComparison.OrdinalIgnoreCase);
            reader.Read();
            if (!isStack || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                state.DialogStack.Add(DialogInstanceConverter.ReadInstance(ref reader, options));
            }
        }

        return state;
    }

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Dialog state: expected {type}, got {reader.TokenType}.");
        }
    }
}
