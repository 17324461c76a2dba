namespace PrescreenBot.Limits;

/// <summary>
/// Limits every channel applies to what a caller may send (configuration section <c>Limits</c>). Shared by the Bot
/// Connector and Direct Line endpoints, so a patient meets the same rules whichever way they arrive.
/// </summary>
public sealed record RequestLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// 256 KB: Azure Bot Service's own ceiling for one serialized activity, so no real channel sends more; anything
    /// larger is refused (413) before it is parsed.
    /// </summary>
    public const int DefaultMaxRequestBodyBytes = 256 * 1024;

    /// <summary>
    /// No answer in a pre-screen needs more than a few sentences; 2,000 characters leaves room for a pasted list of
    /// medicines while keeping a pasted document out of the dialog (and out of state and transcripts).
    /// </summary>
    public const int DefaultMaxMessageTextLength = 2_000;

    public int MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    public int MaxMessageTextLength { get; init; } = DefaultMaxMessageTextLength;

    public ConversationRateLimitOptions ConversationRate { get; init; } = new();
}

/// <summary>
/// A token bucket per conversation: a burst of <see cref="TokenLimit"/> messages, refilled by
/// <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.
/// </summary>
public sealed record ConversationRateLimitOptions
{
    /// <summary>A person clicking through quick replies sends a few messages in a second at most; 20 absorbs a burst.</summary>
    public const int DefaultTokenLimit = 20;

    /// <summary>Five messages a second sustained is far beyond human typing, well below a runaway client loop.</summary>
    public const int DefaultTokensPerPeriod = 5;

    public static readonly TimeSpan DefaultReplenishmentPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Off only for load tests that drive one conversation far faster than a person could.</summary>
    public bool Enabled { get; init; } = true;

    public int TokenLimit { get; init; } = DefaultTokenLimit;

    public int TokensPerPeriod { get; init; } = DefaultTokensPerPeriod;

    public TimeSpan ReplenishmentPeriod { get; init; } = DefaultReplenishmentPeriod;
}
