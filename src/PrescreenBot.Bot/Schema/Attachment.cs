using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>
/// A card or file. <see cref="Content"/> is any JSON-serializable object; read from the wire it is a
/// <see cref="JsonElement"/>, and an Adaptive Card is carried as raw JSON (<see cref="FromAdaptiveCard(string)"/>).
/// </summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public object? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    /// <summary>Properties this type does not model; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An Adaptive Card attachment from its JSON text. Throws <see cref="JsonException"/> if the text is not JSON.</summary>
    public static Attachment FromAdaptiveCard(string cardJson) =>
        new() { ContentType = ContentTypes.AdaptiveCard, Content = JsonSerializer.Deserialize<JsonElement>(cardJson) };

    /// <summary>An Adaptive Card attachment from a JSON object built in code.</summary>
    public static Attachment FromAdaptiveCard(JsonObject card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };

    /// <summary>The content as <typeparamref name="T"/>, whether it was built in code or read from JSON.</summary>
    public T? ContentAs<T>() => Content switch
    {
        null => default,
        T typed => typed,
        JsonElement element => element.Deserialize<T>(BotJson.Options),
        var other => JsonSerializer.SerializeToElement(other, BotJson.Options).Deserialize<T>(BotJson.Options),
    };
}
