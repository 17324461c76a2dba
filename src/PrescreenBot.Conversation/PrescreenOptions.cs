namespace PrescreenBot.Conversation;

/// <summary>Settings of the pre-screen conversation (configuration section <c>Prescreen</c> in the host).</summary>
public sealed record PrescreenOptions
{
    public const string SectionName = "Prescreen";

    /// <summary>Version of the welcome and consent wording in the text resources; bump it whenever that wording changes.</summary>
    public const string CurrentConsentWordingVersion = "consent-2026-11-v1";

    /// <summary>A patient coming back after this long is greeted and asked the current question again rather than
    /// having their first message taken as an answer to a question they may no longer see.</summary>
    public static readonly TimeSpan DefaultResumeAfter = TimeSpan.FromMinutes(30);

    /// <summary>After this many attempts at one question, the answer counts as "not sure" so nobody is stuck.</summary>
    public const int DefaultMaxAttempts = 3;

    public string ConsentWordingVersion { get; init; } = CurrentConsentWordingVersion;

    /// <summary>Crisis resources per locale (e.g. "zh-CN" → hotline text); a locale without an entry uses the text resource default.</summary>
    public IReadOnlyDictionary<string, string> CrisisResources { get; init; } = new Dictionary<string, string>();

    /// <summary>Emergency advice per locale (which number to call); a locale without an entry uses the text resource default.</summary>
    public IReadOnlyDictionary<string, string> EmergencyAdvice { get; init; } = new Dictionary<string, string>();

    public TimeSpan ResumeAfter { get; init; } = DefaultResumeAfter;

    public int MaxAttempts { get; init; } = DefaultMaxAttempts;
}
