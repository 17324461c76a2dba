using System.Text.Json;
using System.Text.Json.Serialization;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.Session.Stored;

/// <summary>Writes <see cref="StoredHistory"/> compactly and reads it back, version 1 step objects included.</summary>
internal sealed class StoredHistoryConverter : JsonConverter<StoredHistory>
{
    public override StoredHistory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A stored history must be an array, not {reader.TokenType}.");
        }

        var entries = new List<HistoryEntry>();
        var answers = new Dictionary<string, Answer>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            entries.Add(reader.TokenType switch
            {
                JsonTokenType.String => ReadString(reader.GetString()!, answers),
                JsonTokenType.StartObject => ReadObject(ref reader, answers, options),
                _ => throw new JsonException($"A stored history step must be a string or an object, not {reader.TokenType}."),
            });
        }

        return new StoredHistory { Entries = entries, Answers = answers };
    }

    public override void Write(Utf8JsonWriter writer, StoredHistory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var carriers = StoredHistory.Carriers(value.Entries, value.Answers);
        writer.WriteStartArray();
        for (var i = 0; i < value.Entries.Count; i++)
        {
            var entry = value.Entries[i];
            if (!StoredHistory.IsCompact(entry))
            {
                JsonSerializer.Serialize(writer, entry, options);
                continue;
            }

            if (HasImpliedKeys(entry))
            {
                if (entry.Keys.Count == 0 || !StoredHistory.Carries(carriers, entry.Keys[0], i))
                {
                    writer.WriteStringValue(entry.StepId);
                    continue;
                }

                if (AnswerText.TryFormat(value.Answers[entry.Keys[0]]) is { } text)
                {
                    WriteStepWithAnswer(writer, entry.StepId, text);
                    continue;
                }
            }

            writer.WriteStartObject();
            writer.WritePropertyName(entry.StepId);
            writer.WriteStartObject();
            foreach (var key in entry.Keys)
            {
                writer.WritePropertyName(key);
                if (StoredHistory.Carries(carriers, key, i))
                {
                    StoredAnswerJson.Write(writer, value.Answers[key], options);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// True when the step's keys are exactly those its id implies (<see cref="StoredHistory.ImpliedKeys"/>), checked in place:
    /// every save checks every step.
    /// </summary>
    private static bool HasImpliedKeys(HistoryEntry entry) =>
        entry.StepId.StartsWith(StepIds.KeyPrefix, StringComparison.Ordinal)
            ? entry.Keys.Count == 1 && entry.StepId.AsSpan(StepIds.KeyPrefix.Length).SequenceEqual(entry.Keys[0])
            : entry.Keys.Count == 0;

    /// <summary>Longest <c>"key:age=34 years"</c> put together on the stack; a longer one (never in practice) is concatenated.</summary>
    private const int MaxStackStepLength = 256;

    /// <summary>Writes <c>"key:age=34 years"</c> without making the string first.</summary>
    private static void WriteStepWithAnswer(Utf8JsonWriter writer, string stepId, string answer)
    {
        var length = stepId.Length + 1 + answer.Length;
        if (length > MaxStackStepLength)
        {
            writer.WriteStringValue(stepId + StoredHistory.AnswerSeparator + answer);
            return;
        }

        Span<char> text = stackalloc char[length];
        stepId.AsSpan().CopyTo(text);
        text[stepId.Length] = StoredHistory.AnswerSeparator;
        answer.AsSpan().CopyTo(text[(stepId.Length + 1)..]);
        writer.WriteStringValue(text);
    }

    /// <summary><c>"consent"</c>, <c>"key:age"</c> or <c>"key:age=34 years"</c>.</summary>
    private static HistoryEntry ReadString(string text, Dictionary<string, Answer> answers)
    {
        var separator = text.IndexOf(StoredHistory.AnswerSeparator, StringComparison.Ordinal);
        var stepId = separator < 0 ? text : text[..separator];
        var keys = StoredHistory.ImpliedKeys(stepId);
        if (separator >= 0)
        {
            if (keys.Count != 1)
            {
                throw new JsonException("Only a key step of a stored history can carry an answer in its string.");
            }

            answers[keys[0]] = AnswerText.TryParse(text[(separator + 1)..], out var answer)
                ? answer
                : throw new JsonException("A stored answer has a form this version cannot read.");
        }

        return new HistoryEntry { StepId = stepId, Keys = keys, Counted = StoredHistory.ImpliedCounted(stepId) };
    }

    /// <summary><c>{"group:infections":{"hiv":"no","syphilis":null}}</c>, or a version 1 object.</summary>
    private static HistoryEntry ReadObject(ref Utf8JsonReader reader, Dictionary<string, Answer> answers, JsonSerializerOptions options)
    {
        var start = reader;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("A stored history step is an empty object.");
        }

        var stepId = reader.GetString()!;
        if (StoredHistory.IsVersion1Name(stepId))
        {
            reader = start;
            return JsonSerializer.Deserialize<HistoryEntry>(ref reader, options)
                ?? throw new JsonException("A stored history step is null.");
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The keys of stored history step '{stepId}' must be an object, not {reader.TokenType}.");
        }

        var keys = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null)
            {
                answers[key] = StoredAnswerJson.Read(ref reader, options);
            }

            keys.Add(key);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException($"Stored history step '{stepId}' must be an object with one property.");
        }

        return new HistoryEntry { StepId = stepId, Keys = keys, Counted = StoredHistory.ImpliedCounted(stepId) };
    }
}
