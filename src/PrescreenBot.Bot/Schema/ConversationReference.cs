using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>Everything needed to address a conversation again later (proactive messages, replies).</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Locale { get; set; }

    /// <summary>Properties this type does not model; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The <c>event</c> activity a proactive turn starts with (Bot Builder's name: <c>ContinueConversation</c>).</summary>
    public Activity GetContinuationActivity()
    {
        var activity = new Activity { Type = ActivityTypes.Event, Name = ActivityEventNames.ContinueConversation, Id = Guid.NewGuid().ToString() };
        activity.ApplyConversationReference(this, isIncoming: true);
        return activity;
    }
}
