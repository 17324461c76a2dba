using PrescreenBot.Portal.Access;
using PrescreenBot.Portal.Markup;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Sites;
using static PrescreenBot.Portal.Markup.HtmlTemplate;

namespace PrescreenBot.Portal.Pages;

/// <summary><c>GET /referrals</c>: the coordinator's sites' referrals, newest first, with each channel's delivery state.</summary>
internal static class ReferralListPage
{
    /// <summary>
    /// A page a person can scan; older referrals are followed up already or purged by retention soon. Kept without
    /// paging on purpose until a site actually receives this many within the retention period.
    /// </summary>
    public const int MaxReferrals = 200;

    public static async Task<IResult> RenderAsync(
        HttpContext http, ReferralStore referrals, OutboxStore outbox, ConfiguredSiteDirectory sites, PortalAudit audit, CancellationToken cancellationToken)
    {
        var coordinator = Coordinator.Of(http);
        var listed = await referrals.ListForSitesAsync(coordinator.SiteIds, MaxReferrals, cancellationToken).ConfigureAwait(false);
        var deliveries = (await outbox.ListForReferralsAsync(listed.Select(referral => referral.Id).ToList(), cancellationToken).ConfigureAwait(false))
            .ToLookup(message => message.ReferralId, StringComparer.Ordinal);
        audit.Listed(coordinator.AuditId, listed.Count);

        var siteNames = string.Join(", ", coordinator.SiteIds.Select(id => sites.Find(id)?.Name ?? id));
        var rows = HtmlContent.Join(listed.Select(referral => Row(http, referral, deliveries[referral.Id], sites)));
        var table = listed.Count == 0
            ? Html($"""<p>No referrals yet.</p>""")
            : Html($"""
                <table>
                <caption>{listed.Count} referrals, newest first{(listed.Count == MaxReferrals ? $" (only the newest {MaxReferrals} are shown)" : "")}</caption>
                <thead><tr><th scope="col">Created</th><th scope="col">Trial</th><th scope="col">Site</th><th scope="col">Verdict</th><th scope="col">Delivery</th></tr></thead>
                <tbody>
                {rows}
                </tbody>
                </table>
                """);
        return PortalLayout.Page(http, "Referrals", Html($"""
            <h1>Referrals</h1>
            <p class="note">Sites: {siteNames}</p>
            {table}
            """));
    }

    private static HtmlContent Row(HttpContext http, ReferralRecord referral, IEnumerable<OutboxMessage> deliveries, ConfiguredSiteDirectory sites)
    {
        var states = HtmlContent.Join(deliveries.Select(message => Html($"{DeliveryLabels.Channel(message)}<br>")));
        return Html($"""
            <tr>
            <td><a href="{PortalLayout.Link(http, "/referrals/" + Uri.EscapeDataString(referral.Id))}">{PortalLayout.Time(referral.CreatedAt)}</a></td>
            <td>{referral.TrialId}</td>
            <td>{sites.Find(referral.SiteId)?.Name ?? referral.SiteId}</td>
            <td>{ReferralVerdicts.Describe(referral.Verdict)}</td>
            <td>{states}</td>
            </tr>
            """);
    }
}
