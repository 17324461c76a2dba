namespace PrescreenBot.Portal;

/// <summary>
/// One audit line per look at health data: who (an Azure AD object id or a subject hash), which referral, what action.
/// Ids only: never names, contact details, answers or message text.
/// </summary>
public sealed partial class PortalAudit(ILogger<PortalAudit> logger)
{
    public const string ListAction = "list";
    public const string ViewAction = "view";
    public const string RetryAction = "retry-delivery";

    public void Listed(string coordinatorId, int referralCount) => LogListed(coordinatorId, referralCount);

    public void Referral(string coordinatorId, string action, string referralId) => LogReferral(coordinatorId, action, referralId);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Portal audit: coordinator {CoordinatorId} " + ListAction + " ({ReferralCount} referrals)")]
    private partial void LogListed(string coordinatorId, int referralCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Portal audit: coordinator {CoordinatorId} {Action} referral {ReferralId}")]
    private partial void LogReferral(string coordinatorId, string action, string referralId);
}
