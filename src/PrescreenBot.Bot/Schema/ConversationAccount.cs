using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public ConversationAccount()
    {
    }

    public ConversationAccount(string id, bool? isGroup = null, string? conversationType = null, string? tenantId = null, string? name = null)
    {
        Id = id;
        IsGroup = isGroup;
        ConversationType = conversationType;
        TenantId = tenantId;
        Name = name;
    }

    public string? Id { get; set; }
    public bool? IsGroup { get; set; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    /// <summary>Properties this type does not model; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
