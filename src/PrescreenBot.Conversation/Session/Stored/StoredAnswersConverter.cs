using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Session.Stored;

/// <summary>Answers by question key, each in the form of <see cref="StoredAnswerJson"/>; reads version 1 objects too.</summary>
internal sealed class StoredAnswersConverter : JsonConverter<Dictionary<string, Answer>>
{
    public override Dictionary<string, Answer> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Stored answers must be an object, not {reader.TokenType}.");
        }

        var answers = new Dictionary<string, Answer>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            answers[key] = StoredAnswerJson.Read(ref reader, options);
        }

        return answers;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, Answer> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, answer) in value)
        {
            writer.WritePropertyName(key);
            StoredAnswerJson.Write(writer, answer, options);
        }

        writer.WriteEndObject();
    }
}
