namespace PrescreenBot.Referrals.Transcripts;

/// <summary>A stored transcript entry: its append order and when the service recorded it.</summary>
public sealed record RecordedTranscriptEntry(long Sequence, DateTimeOffset RecordedAt, TranscriptEntry Entry);
