using PrescreenBot.Conversation.Referrals;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>Referral requests with recognisable PHI-like values, so tests can check where they do and do not appear.</summary>
internal static class TestReferrals
{
    public const string PatientName = "Mei Ling Test";
    public const string PatientPhone = "+86 138 0013 8000";
    public const string PatientEmail = "mei.ling@patient.example";
    public const string SecretAnswer = "ANSWER-lupus-nephritis-biopsy-2024";
    public const string SecretCriterion = "CRITERION-eGFR below 30";

    public static ReferralRequest Request(
        string? idempotencyKey = null,
        string siteId = TestSite.DefaultId,
        string trialId = TestSite.DefaultTrial,
        string channelId = "webchat",
        string? conversationId = null) => new()
    {
        IdempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString("N"),
        TrialId = trialId,
        SiteId = siteId,
        Verdict = "likelyEligible",
        Contact = new PatientContact
        {
            Name = PatientName,
            Phone = PatientPhone,
            Email = PatientEmail,
            BestTime = "mornings",
            PreferredLanguage = "zh-CN",
        },
        Answers = [new CriterionAnswer("inc-1", SecretCriterion, "Is your eGFR below 30?", SecretAnswer, "met")],
        Flags = ["pregnancy-check"],
        Consent = new ConsentRecord("consent-v1", ManualTimeProvider.DefaultStart.AddMinutes(-10), ManualTimeProvider.DefaultStart.AddMinutes(-1)),
        ChannelId = channelId,
        ConversationId = conversationId ?? "conv-" + Guid.NewGuid().ToString("N"),
        Locale = "zh-CN",
    };
}
