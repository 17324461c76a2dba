using PrescreenBot.Portal.Access;
using PrescreenBot.Portal.Deliveries;
using PrescreenBot.Portal.Markup;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using PrescreenBot.Referrals.Sites;
using PrescreenBot.Referrals.Transcripts;
using static PrescreenBot.Portal.Markup.HtmlTemplate;

namespace PrescreenBot.Portal.Pages;

/// <summary>
/// <c>GET /referrals/{id}</c>: everything a coordinator needs to trust the verdict and call the patient back — the
/// referral, its answers with the criterion text, flags, consent, contact details, deliveries, and the whole conversation.
/// </summary>
internal static class ReferralDetailPage
{
    public static async Task<IResult> RenderAsync(
        string id,
        HttpContext http,
        ReferralStore referrals,
        OutboxStore outbox,
        ITranscriptStore transcripts,
        ConfiguredSiteDirectory sites,
        PortalAudit audit,
        CancellationToken cancellationToken)
    {
        var coordinator = Coordinator.Of(http);
        var referral = await referrals.FindForSitesAsync(id, coordinator.SiteIds, cancellationToken).ConfigureAwait(false);
        if (referral is null)
        {
            return StatusPages.NotFound(http);
        }

        var deliveries = await outbox.ListForReferralAsync(referral.Id, cancellationToken).ConfigureAwait(false);
        var transcript = await transcripts.ReadAsync(referral.ChannelId, referral.ConversationId, cancellationToken).ConfigureAwait(false);
        audit.Referral(coordinator.AuditId, PortalAudit.ViewAction, referral.Id);

        return PortalLayout.Page(http, $"Referral for {referral.TrialId}", Html($"""
            <h1>Referral for {referral.TrialId}</h1>
            {Summary(referral, sites)}
            <h2>Contact</h2>
            {Contact(referral)}
            <h2>Answers</h2>
            {Answers(referral)}
            <h2>Flags</h2>
            {Flags(referral)}
            <h2>Consent</h2>
            {Consent(referral)}
            <h2>Deliveries</h2>
            {Deliveries(http, referral, deliveries)}
            <h2>Conversation</h2>
            {TranscriptView.Render(transcript)}
            """));
    }

    private static HtmlContent Summary(ReferralRecord referral, ConfiguredSiteDirectory sites) => Html($"""
        <dl>
        <dt>Trial</dt><dd>{referral.TrialId}</dd>
        <dt>Site</dt><dd>{sites.Find(referral.SiteId)?.Name ?? referral.SiteId}</dd>
        <dt>Verdict</dt><dd>{ReferralVerdicts.Describe(referral.Verdict)}</dd>
        <dt>Status</dt><dd>{DeliveryLabels.ReferralStatusText(referral.Status)}</dd>
        <dt>Created</dt><dd>{PortalLayout.Time(referral.CreatedAt)}</dd>
        <dt>Conversation language</dt><dd>{referral.Locale}</dd>
        <dt>Reference</dt><dd><code>{referral.Id}</code></dd>
        </dl>
        """);

    private static HtmlContent Contact(ReferralRecord referral) => Html($"""
        <dl>
        <dt>Name</dt><dd>{referral.Contact.Name}</dd>
        <dt>Phone</dt><dd>{referral.Contact.Phone ?? "—"}</dd>
        <dt>E-mail</dt><dd>{referral.Contact.Email ?? "—"}</dd>
        <dt>Best time to call</dt><dd>{referral.Contact.BestTime ?? "—"}</dd>
        <dt>Preferred language</dt><dd>{referral.Contact.PreferredLanguage ?? "—"}</dd>
        <dt>Answered by</dt><dd>{(referral.Contact.AnsweredByGuardian ? "a parent or guardian, for the patient" : "the patient")}</dd>
        </dl>
        """);

    private static HtmlContent Answers(ReferralRecord referral)
    {
        if (referral.Answers.Count == 0)
        {
            return Html($"<p>No criterion answers were recorded.</p>");
        }

        var rows = HtmlContent.Join(referral.Answers.Select(answer => Html($"""
            <tr><td>{answer.CriterionText}</td><td>{answer.Question}</td><td>{answer.Answer}</td><td>{answer.Outcome}</td></tr>
            """)));
        return Html($"""
            <table>
            <caption>Each eligibility criterion asked about, the question put to the patient, and their answer</caption>
            <thead><tr><th scope="col">Criterion</th><th scope="col">Question</th><th scope="col">Answer</th><th scope="col">Outcome</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static HtmlContent Flags(ReferralRecord referral) =>
        referral.Flags.Count == 0
            ? Html($"<p>None.</p>")
            : Html($"<ul>{HtmlContent.Join(referral.Flags.Select(flag => Html($"<li>{flag}</li>")))}</ul>");

    private static HtmlContent Consent(ReferralRecord referral) => Html($"""
        <dl>
        <dt>Wording version</dt><dd>{referral.Consent.WordingVersion}</dd>
        <dt>Agreed to pre-screening</dt><dd>{PortalLayout.Time(referral.Consent.ScreeningConsentAt)}</dd>
        <dt>Agreed to share with the site</dt><dd>{PortalLayout.Time(referral.Consent.SharingConsentAt)}</dd>
        </dl>
        """);

    private static HtmlContent Deliveries(HttpContext http, ReferralRecord referral, IReadOnlyList<OutboxMessage> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return Html($"<p>No delivery channel was configured for this site when the referral was made.</p>");
        }

        var rows = HtmlContent.Join(deliveries.Select(message => Html($"""
            <tr>
            <td>{message.Channel}</td>
            <td>{DeliveryLabels.Channel(message)}</td>
            <td>{message.AttemptCount}</td>
            <td>{message.LastErrorCode ?? "—"}</td>
            <td>{(message.State == OutboxStates.Delivered ? PortalLayout.Time(message.DeliveredAt) : message.State == OutboxStates.Pending ? PortalLayout.Time(message.NextAttemptAt) : Html($"—"))}</td>
            <td>{RetryForm(http, referral, message)}</td>
            </tr>
            """)));
        return Html($"""
            <table>
            <caption>One row per channel; a dead-lettered delivery is no longer retried by itself</caption>
            <thead><tr><th scope="col">Channel</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Delivered / next attempt</th><th scope="col">Action</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static HtmlContent RetryForm(HttpContext http, ReferralRecord referral, OutboxMessage message) =>
        message.State == OutboxStates.Dead
            ? Html($"""
                <form method="post" action="{PortalLayout.Link(http, RetryDeliveryEndpoint.PathFor(referral.Id, message.Id))}">{PortalLayout.AntiforgeryField(http)}<button type="submit" aria-label="Retry delivery over {message.Channel}">Retry delivery</button></form>
                """)
            : HtmlContent.Empty;
}
