using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>
/// Metadata attached to an activity: <c>{ "type": "...", ...peers }</c>. The peers live in <see cref="Properties"/>;
/// use <see cref="GetAs{T}"/> and <see cref="From{T}"/> for typed views such as <see cref="Mention"/>.
/// </summary>
public sealed class Entity
{
    public Entity()
    {
    }

    public Entity(string type) => Type = type;

    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Reads this entity as a typed view (e.g. <see cref="Mention"/>).</summary>
    public T GetAs<T>() =>
        JsonSerializer.SerializeToElement(this, BotJson.Options).Deserialize<T>(BotJson.Options)
        ?? throw new InvalidOperationException($"Entity of type '{Type}' could not be read as {typeof(T).Name}.");

    /// <summary>Builds an entity from a typed view; the view must serialize a <c>type</c> property.</summary>
    public static Entity From<T>(T typed) =>
        JsonSerializer.SerializeToElement(typed, BotJson.Options).Deserialize<Entity>(BotJson.Options)
        ?? throw new InvalidOperationException($"{typeof(T).Name} could not be written as an entity.");
}
