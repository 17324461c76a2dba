using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Redis.Storage;

/// <summary>
/// Stand-in for <c>PrescreenBot.Bot.Schema.BotJson.Options</c> (camelCase, nulls omitted) until that lands in the core,
/// so state written here reads the same as MemoryStorage's.
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
