namespace PrescreenBot.Referrals.Transcripts;

/// <summary>The <c>Transcripts</c> section.</summary>
public sealed class TranscriptsOptions
{
    public const string SectionName = "Transcripts";

    /// <summary>As long as referrals are kept (see ReferralsOptions): a coordinator reading a referral needs its conversation.</summary>
    public const int DefaultRetentionDays = 180;

    /// <summary>Transcript entries recorded more than this many days ago are purged; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;
}
