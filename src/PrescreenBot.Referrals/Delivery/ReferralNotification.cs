using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Delivery;

/// <summary>
/// The thin payload every channel sends: what a site needs to call the patient back, and a link to the full
/// referral. Deliberately NOT the per-criterion answers or flags (see README: they stay behind the portal's login).
/// </summary>
public sealed record ReferralNotification
{
    public required string ReferralId { get; init; }
    public required string TrialId { get; init; }
    public required string SiteId { get; init; }
    public required string SiteName { get; init; }
    public required string Verdict { get; init; }
    public required NotificationContact Contact { get; init; }
    public required Uri Link { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static ReferralNotification From(ReferralRecord referral, SiteOptions site, string publicBaseUrl) => new()
    {
        ReferralId = referral.Id,
        TrialId = referral.TrialId,
        SiteId = site.Id,
        SiteName = site.Name,
        Verdict = referral.Verdict,
        Contact = new NotificationContact
        {
            Name = referral.Contact.Name,
            Phone = referral.Contact.Phone,
            Email = referral.Contact.Email,
            BestTime = referral.Contact.BestTime,
            PreferredLanguage = referral.Contact.PreferredLanguage,
            AnsweredByGuardian = referral.Contact.AnsweredByGuardian,
        },
        Link = new Uri($"{publicBaseUrl.TrimEnd('/')}/referrals/{Uri.EscapeDataString(referral.Id)}"),
        CreatedAt = referral.CreatedAt,
    };
}

/// <summary>How to reach the patient, as they gave it.</summary>
public sealed record NotificationContact
{
    public required string Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? BestTime { get; init; }
    public string? PreferredLanguage { get; init; }
    public bool AnsweredByGuardian { get; init; }
}
