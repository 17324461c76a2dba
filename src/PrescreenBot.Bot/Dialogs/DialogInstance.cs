using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>One entry of the dialog stack: which dialog, and its persisted state.</summary>
[JsonConverter(typeof(DialogInstanceConverter))]
public sealed class DialogInstance
{
    public required string Id { get; set; }

    /// <summary>
    /// The dialog's own state. After a storage round trip our dialogs' keys come back typed, primitives as .NET
    /// values and other objects as JSON; read values with <c>StateValues.Get&lt;T&gt;</c>.
    /// </summary>
    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Hand-written <c>{ "id": …, "state": { … } }</c>; our dialogs' own keys are read straight into their types.</summary>
internal sealed class DialogInstanceConverter : JsonConverter<DialogInstance>
{
    private const string IdName = "id";
    private const string StateName = "state";

    private static readonly Func<string, Type?> KnownTypes = key => key switch
    {
        ComponentDialog.InnerStackKey => typeof(DialogState),
        WaterfallDialog.ValuesKey => typeof(Dictionary<string, object?>),
        WaterfallDialog.HistoryKey => typeof(WaterfallHistory),
        PromptStateKeys.Options => typeof(PromptOptions),
        PromptStateKeys.State => typeof(Dictionary<string, object?>),
        _ => null,
    };

    public override DialogInstance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadInstance(ref reader, options);

    public override void Write(Utf8JsonWriter writer, DialogInstance value, JsonSerializerOptions options) => WriteInstance(writer, value, options);

    public static DialogInstance ReadInstance(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DialogStateConverter.Expect(ref reader, JsonTokenType.StartObject);
        string? id = null;
        Dictionary<string, object?>? state = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, IdName, StringComparison.OrdinalIgnoreCase))
            {
                id = reader.GetString();
            }
            else if (string.Equals(name, StateName, StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartObject)
            {
                state = StateJson.ReadBag(ref reader, options, KnownTypes);
            }
            else
            {
                reader.Skip();
            }
        }

        return new DialogInstance
        {
            Id = id ?? throw new JsonException("Dialog state: a dialog instance has no id."),
            State = state ?? new Dictionary<string, object?>(StringComparer.Ordinal),
        };
    }

    public static void WriteInstance(Utf8JsonWriter writer, DialogInstance instance, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, instance.Id);
        writer.WritePropertyName(StateName);
        StateJson.WriteBag(writer, instance.State, options);
        writer.WriteEndObject();
    }
}
