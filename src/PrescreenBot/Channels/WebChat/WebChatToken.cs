using System.Text.Json.Serialization;

namespace PrescreenBot.Channels.WebChat;

/// <summary>What the page's token endpoint answers; the same shape as Direct Line's <c>tokens/generate</c>.</summary>
public sealed record WebChatToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
