using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>A participant of a conversation (user or bot).</summary>
public sealed class ChannelAccount
{
    public ChannelAccount()
    {
    }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }

    /// <summary>See <see cref="RoleTypes"/>.</summary>
    public string? Role { get; set; }

    /// <summary>Properties this type does not model; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
