using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Conversation.Welcome;

/// <summary>The value of a <c>prescreen/start</c> event: <c>{"trial": "NCT…", "locale": "zh-CN"}</c>, both optional.</summary>
public sealed record StartRequest(string? Trial, string? Locale)
{
    /// <summary>Reads the event's value whatever shape the channel gave it (JSON, a dictionary, an object); anything else asks for nothing.</summary>
    public static StartRequest Read(object? value)
    {
        var element = value switch
        {
            JsonElement json => json,
            null => default,
            _ => JsonSerializer.SerializeToElement(value, value.GetType(), BotJson.Options),
        };
        return element.ValueKind == JsonValueKind.Object
            ? new StartRequest(Property(element, "trial"), Property(element, "locale"))
            : new StartRequest(null, null);
    }

    private static string? Property(JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is
        { ValueKind: JsonValueKind.String } property && !string.IsNullOrWhiteSpace(property.GetString()) ? property.GetString()!.Trim() : null;
}
