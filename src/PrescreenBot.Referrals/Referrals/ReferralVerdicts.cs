namespace PrescreenBot.Referrals.Referrals;

/// <summary>The verdicts that may be referred (the contract's spelling).</summary>
public static class ReferralVerdicts
{
    public const string LikelyEligible = "likelyEligible";
    public const string NeedsReview = "needsReview";

    /// <summary>The canonical spelling, or null when the verdict may not be referred.</summary>
    public static string? Normalize(string? verdict) =>
        string.Equals(verdict, LikelyEligible, StringComparison.OrdinalIgnoreCase) ? LikelyEligible
        : string.Equals(verdict, NeedsReview, StringComparison.OrdinalIgnoreCase) ? NeedsReview
        : null;

    /// <summary>Words for people (e-mail, Teams).</summary>
    public static string Describe(string verdict) => verdict switch
    {
        LikelyEligible => "likely eligible",
        NeedsReview => "needs review by the site",
        _ => verdict,
    };
}
