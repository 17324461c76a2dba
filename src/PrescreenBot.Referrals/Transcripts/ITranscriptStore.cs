namespace PrescreenBot.Referrals.Transcripts;

/// <summary>Append-only record of every activity in and out of every conversation.</summary>
public interface ITranscriptStore
{
    Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Appends several entries in order, all or none (one transaction): what a busy service writes at a time.</summary>
    Task AppendBatchAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>One conversation's activities in the order they were recorded.</summary>
    Task<IReadOnlyList<RecordedTranscriptEntry>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}
