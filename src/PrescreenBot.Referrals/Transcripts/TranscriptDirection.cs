namespace PrescreenBot.Referrals.Transcripts;

/// <summary>Whether an activity came from the user's channel or was sent by the bot.</summary>
public enum TranscriptDirection
{
    Incoming,
    Outgoing,
}
