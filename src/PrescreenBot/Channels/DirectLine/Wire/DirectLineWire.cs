using System.Text.Json.Serialization;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.DirectLine.Wire;

/// <summary>Direct Line's <c>Conversation</c> object. <c>expires_in</c> is snake_case on the wire, as the swagger says.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl);

/// <summary><c>{activities, watermark}</c>, the body of polling GETs and of every WebSocket frame.</summary>
public sealed record ActivitySetResponse(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string? Watermark);

/// <summary><c>TokenParameters</c>: optional body of <c>tokens/generate</c> and <c>conversations</c>.</summary>
public sealed record TokenParameters
{
    [JsonPropertyName("user")]
    public TokenUser? User { get; init; }

    /// <summary>Optional start locale (DirectLineJS sends <c>conversationStartProperties.locale</c> here).</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }
}

public sealed record TokenUser
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
}

/// <summary><c>{"sessionId": "…"}</c> from <c>session/getsessionid</c>.</summary>
public sealed record SessionIdResponse([property: JsonPropertyName("sessionId")] string SessionId);

/// <summary>Direct Line's error body: <c>{"error": {"code": "…", "message": "…"}}</c>.</summary>
public sealed record DirectLineErrorResponse([property: JsonPropertyName("error")] DirectLineError Error);

public sealed record DirectLineError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The error codes this service answers with; <c>TokenExpired</c> is the one DirectLineJS reacts to.</summary>
public static class DirectLineErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string TokenExpired = "TokenExpired";
    public const string NotFound = "NotFound";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string UploadNotSupported = "UploadNotSupported";
    public const string ServiceBusy = "ServiceBusy";
}
