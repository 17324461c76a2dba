using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>A button or tap action.</summary>
public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string type, string? title = null, object? value = null)
    {
        Type = type;
        Title = title;
        Value = value;
    }

    /// <summary>See <see cref="ActionTypes"/>.</summary>
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? ImageAltText { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public object? Value { get; set; }
    public object? ChannelData { get; set; }

    /// <summary>Properties this type does not model; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
