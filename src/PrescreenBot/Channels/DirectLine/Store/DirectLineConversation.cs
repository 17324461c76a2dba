namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>A started Direct Line conversation: who it belongs to. Ids only, no PHI.</summary>
public sealed record DirectLineConversation(string Id, string UserId, DateTimeOffset CreatedAt);

/// <summary>An activity in a conversation's log with its watermark (its 1-based position, never reused).</summary>
public sealed record StoredActivity(long Watermark, PrescreenBot.Bot.Schema.Activity Activity);

/// <summary>Activities after a watermark, oldest first, and the watermark to ask from next time.</summary>
public sealed record ActivityPage(IReadOnlyList<StoredActivity> Activities, long Watermark)
{
    public static ActivityPage Empty(long watermark) => new([], watermark);
}

/// <summary>The conversation does not exist (never started, or evicted after being idle).</summary>
public sealed class DirectLineConversationNotFoundException(string conversationId)
    : Exception($"Direct Line conversation {conversationId} does not exist or has expired.")
{
    public string ConversationId { get; } = conversationId;
}
