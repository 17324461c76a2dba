using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrescreenBot.Bot.Schema;

/// <summary>
/// A Bot Framework activity (spec v3.1): one message, event, update or signal exchanged with a channel.
/// Mutable like Bot Builder's, because the pipeline fills addressing in as it goes. Unknown JSON properties
/// are kept in <see cref="Properties"/> and written back out, so nothing a channel sends is lost.
/// </summary>
public sealed partial class Activity : IActivity
{
    /// <summary>See <see cref="ActivityTypes"/>. Required on the wire.</summary>
    public string? Type { get; set; }
    public string? Id { get; set; }

    /// <summary>Set by the channel; written as UTC with <c>Z</c>.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time with its offset; the reference time for relative dates ("2 weeks ago").</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA zone name of the sender, e.g. <c>Europe/Berlin</c>.</summary>
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }

    /// <summary>See <see cref="TextFormatTypes"/>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>BCP-47 tag such as <c>en-US</c> or <c>zh-CN</c>.</summary>
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }

    /// <summary>See <see cref="InputHints"/>.</summary>
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>See <see cref="AttachmentLayoutTypes"/>.</summary>
    public string? AttachmentLayout { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public IList<Entity>? Entities { get; set; }
    public object? ChannelData { get; set; }
    public string? ReplyToId { get; set; }

    /// <summary>Payload of events, invokes and card submits; read from the wire it is a <see cref="JsonElement"/>.</summary>
    public object? Value { get; set; }
    public string? ValueType { get; set; }
    public string? Label { get; set; }

    /// <summary>Required for <c>event</c> and <c>invoke</c> activities.</summary>
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }

    /// <summary>See <see cref="DeliveryModes"/>.</summary>
    public string? DeliveryMode { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? TopicName { get; set; }

    /// <summary><c>installationUpdate</c>: <c>add</c> or <c>remove</c> (also <c>add-upgrade</c>/<c>remove-upgrade</c>).</summary>
    public string? Action { get; set; }

    /// <summary><c>endOfConversation</c>: see <see cref="EndOfConversationCodes"/>.</summary>
    public string? Code { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }

    /// <summary>Set by the bot after authenticating the caller; never read from the wire.</summary>
    [JsonIgnore]
    public string? CallerId { get; set; }

    /// <summary>Properties this type does not model; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
