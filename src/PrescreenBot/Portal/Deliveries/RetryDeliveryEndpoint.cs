using Microsoft.AspNetCore.Antiforgery;
using PrescreenBot.Portal.Access;
using PrescreenBot.Portal.Pages;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;

namespace PrescreenBot.Portal.Deliveries;

/// <summary>
/// <c>POST /referrals/{id}/deliveries/{deliveryId}/retry</c>: a coordinator sends a dead-lettered delivery once more
/// (after the site fixed its webhook or mailbox). Antiforgery-protected; the referral must be one of their sites'.
/// </summary>
internal static class RetryDeliveryEndpoint
{
    public const string Pattern = "/{id}/deliveries/{deliveryId}/retry";

    public static string PathFor(string referralId, string deliveryId) =>
        $"/referrals/{Uri.EscapeDataString(referralId)}/deliveries/{Uri.EscapeDataString(deliveryId)}/retry";

    public static async Task<IResult> HandleAsync(
        string id,
        string deliveryId,
        HttpContext http,
        IAntiforgery antiforgery,
        ReferralStore referrals,
        OutboxStore outbox,
        OutboxSignal dispatcher,
        TimeProvider timeProvider,
        PortalAudit audit,
        CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return StatusPages.FormExpired(http);
        }

        var coordinator = Coordinator.Of(http);
        var referral = await referrals.FindForSitesAsync(id, coordinator.SiteIds, cancellationToken).ConfigureAwait(false);
        if (referral is null)
        {
            return StatusPages.NotFound(http);
        }

        if (await outbox.RetryDeadAsync(referral.Id, deliveryId, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            audit.Referral(coordinator.AuditId, PortalAudit.RetryAction, referral.Id);
            dispatcher.Notify();
        }

        // Post/redirect/get: the referral's page shows the row's new state (or that it was no longer dead-lettered).
        return PortalLayout.SeeOther(http, "/referrals/" + Uri.EscapeDataString(referral.Id));
    }
}
