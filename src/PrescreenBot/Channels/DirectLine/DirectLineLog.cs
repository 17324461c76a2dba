namespace PrescreenBot.Channels.DirectLine;

/// <summary>Direct Line's log lines: ids, types, counts and outcomes only, never message text (it is health data).</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "No DirectLine:TokenSigningKey or DirectLine:Secret configured: tokens are signed with a random per-process key. Several instances need a shared key.")]
    public static partial void RandomSigningKey(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started")]
    public static partial void ConversationStarted(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Turn failed in Direct Line conversation {ConversationId} ({ActivityType}); error id {ErrorId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string conversationId, string? activityType, string errorId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "{Count} replies could not be stored for Direct Line conversation {ConversationId}")]
    public static partial void RepliesLost(ILogger logger, Exception exception, string conversationId, int count);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Turn in {ConversationId} ({ActivityType}) produced {Count} replies in {ElapsedMs:F2} ms")]
    public static partial void TurnDone(ILogger logger, string conversationId, string? activityType, int count, double elapsedMs);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "No ITurnProcessor is registered; Direct Line conversation {ConversationId} told the bot is unavailable")]
    public static partial void NoTurnProcessor(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Direct Line store unavailable during {Operation} for {ConversationId}")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string operation, string conversationId);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Upload refused in Direct Line conversation {ConversationId}")]
    public static partial void UploadRefused(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Debug, Message = "Direct Line stream for {ConversationId} opened at watermark {Watermark}")]
    public static partial void StreamOpened(ILogger logger, string conversationId, long watermark);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Debug, Message = "Direct Line stream for {ConversationId} closed ({Reason})")]
    public static partial void StreamClosed(ILogger logger, string conversationId, string reason);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Direct Line stream for {ConversationId} failed")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string conversationId);
}
