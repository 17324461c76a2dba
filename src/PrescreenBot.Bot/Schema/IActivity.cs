using System.Text.Json;

namespace PrescreenBot.Bot.Schema;

/// <summary>
/// The fields every activity has, as Bot Builder's <c>IActivity</c>. <see cref="Activity"/> is the one implementation;
/// APIs that accept an <see cref="IActivity"/> expect an <see cref="Activity"/>.
/// </summary>
public interface IActivity
{
    string? Type { get; set; }
    string? Id { get; set; }
    DateTimeOffset? Timestamp { get; set; }
    DateTimeOffset? LocalTimestamp { get; set; }
    string? LocalTimezone { get; set; }
    string? ServiceUrl { get; set; }
    string? ChannelId { get; set; }
    ChannelAccount? From { get; set; }
    ConversationAccount? Conversation { get; set; }
    ChannelAccount? Recipient { get; set; }
    string? ReplyToId { get; set; }
    string? Locale { get; set; }
    IList<Entity>? Entities { get; set; }
    object? ChannelData { get; set; }
    Dictionary<string, JsonElement>? Properties { get; set; }
}
