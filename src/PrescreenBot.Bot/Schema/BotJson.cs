using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>The one set of JSON options for activities and bot state, shared by channels and storage.</summary>
public static class BotJson
{
    /// <summary>
    /// camelCase, nulls omitted on write, case-insensitive on read, numbers also read from strings; state bags
    /// (<c>Dictionary&lt;string, object?&gt;</c>) read primitives as .NET values. Read-only.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads an activity from UTF-8 JSON. Throws <see cref="ActivityFormatException"/> with a clear message when it is not one.</summary>
    public static Activity ParseActivity(ReadOnlySpan<byte> utf8Json)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        return Validated(activity);
    }

    /// <summary>Reads an activity from JSON text. Throws <see cref="ActivityFormatException"/> with a clear message when it is not one.</summary>
    public static Activity ParseActivity(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(json, Options);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        return Validated(activity);
    }

    /// <summary>Writes an activity as UTF-8 JSON with <see cref="Options"/>.</summary>
    public static byte[] SerializeActivity(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, Options);

    private static ActivityFormatException Malformed(JsonException ex)
    {
        var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
        var line = ex.LineNumber is null ? string.Empty : $" (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})";
        return new ActivityFormatException($"The activity is not valid JSON or has a field of the wrong type{where}{line}.", ex);
    }

    private static Activity Validated(Activity? activity)
    {
        if (activity is null)
        {
            throw new ActivityFormatException("The activity is JSON null; expected an object with a 'type'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            throw new ActivityFormatException("The activity has no 'type'; every activity must say what it is (e.g. \"message\").");
        }

        return activity;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            Converters = { new State.StateBagConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
