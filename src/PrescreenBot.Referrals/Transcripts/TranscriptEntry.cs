namespace PrescreenBot.Referrals.Transcripts;

/// <summary>One activity of a conversation, as recorded. <see cref="ActivityJson"/> is health data.</summary>
public sealed record TranscriptEntry
{
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public string? ActivityId { get; init; }
    public required TranscriptDirection Direction { get; init; }

    /// <summary>The activity's type (<c>message</c>, <c>conversationUpdate</c>, …).</summary>
    public required string ActivityType { get; init; }

    /// <summary>The activity's own timestamp (or when it was seen, if it carried none).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The whole activity, serialized as the channel saw it.</summary>
    public required string ActivityJson { get; init; }
}
