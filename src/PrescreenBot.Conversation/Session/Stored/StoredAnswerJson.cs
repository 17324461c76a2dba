using System.Text.Json;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Session.Stored;

/// <summary>One stored answer: the short form of <see cref="AnswerText"/> when it loses nothing, else the version 1 object.</summary>
internal static class StoredAnswerJson
{
    public static void Write(Utf8JsonWriter writer, Answer answer, JsonSerializerOptions options)
    {
        if (AnswerText.TryFormat(answer) is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            JsonSerializer.Serialize(writer, answer, options);
        }
    }

    /// <summary>Reads either form. The message of a failure names no answer: stored answers are health data.</summary>
    public static Answer Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => AnswerText.TryParse(reader.GetString()!, out var answer)
            ? answer
            : throw new JsonException("A stored answer has a form this version cannot read."),
        JsonTokenType.StartObject => JsonSerializer.Deserialize<Answer>(ref reader, options)!,
        _ => throw new JsonException($"A stored answer must be a string or an object, not {reader.TokenType}."),
    };
}
