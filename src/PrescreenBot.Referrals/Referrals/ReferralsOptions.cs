namespace PrescreenBot.Referrals.Referrals;

/// <summary>The <c>Referrals</c> section.</summary>
public sealed class ReferralsOptions
{
    public const string SectionName = "Referrals";

    /// <summary>Referrals are health data: keep them no longer than a site needs to follow up (about six months).</summary>
    public const int DefaultRetentionDays = 180;

    /// <summary>Where coordinators open a referral (the portal); payloads link to <c>{PublicBaseUrl}/referrals/{id}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Referrals (and their outbox rows) older than this many days are purged; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    public DeliveryOptions Delivery { get; set; } = new();

    public RetentionJobOptions Purge { get; set; } = new();
}

/// <summary>The <c>Referrals:Delivery</c> section: how the dispatcher retries.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Eight attempts with the default delays span about two hours: a receiver down for a deploy recovers in time.</summary>
    public const int DefaultMaxAttempts = 8;

    /// <summary>The first retry waits about this long; each later one doubles it.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(30);

    /// <summary>No retry waits longer than this, however many attempts came before.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromHours(1);

    /// <summary>A claimed row is another dispatcher's only after this; far longer than one SMTP or HTTP call may take.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle dispatcher looks for due rows (new referrals also wake it at once).</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Rows claimed per round: small, so a slow channel does not hold many leases.</summary>
    public const int DefaultBatchSize = 10;

    /// <summary>One delivery call gives up after this and counts as a failed attempt.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    public int MaxAttempts { get; set; } = DefaultMaxAttempts;
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;
    public TimeSpan Lease { get; set; } = DefaultLease;
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
    public int BatchSize { get; set; } = DefaultBatchSize;
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;
}

/// <summary>The <c>Referrals:Purge</c> section: how often the retention job runs.</summary>
public sealed class RetentionJobOptions
{
    /// <summary>Retention is counted in days; hourly is precise enough and cheap.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    public TimeSpan Interval { get; set; } = DefaultInterval;
}
