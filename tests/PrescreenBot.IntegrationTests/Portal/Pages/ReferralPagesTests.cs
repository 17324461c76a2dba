using System.Net;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Referrals.Transcripts;

namespace PrescreenBot.IntegrationTests.Portal.Pages;

public sealed class ReferralPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task List_CoordinatorOfSiteA_ShowsOnlySiteAReferralsNewestFirst()
    {
        var older = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        var ofB = await fixture.App.CreateReferralAsync(PortalApp.SiteB);
        var newer = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        using var response = await browser.Client.GetAsync("/referrals");
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        page.Should().Contain($"/referrals/{older.ReferralId}").And.Contain($"/referrals/{newer.ReferralId}");
        page.IndexOf(newer.ReferralId, StringComparison.Ordinal).Should().BeLessThan(page.IndexOf(older.ReferralId, StringComparison.Ordinal), "newest first");
        page.Should().NotContain(ofB.ReferralId).And.NotContain(PortalApp.SiteBName);
        page.Should().Contain(PortalApp.SiteAName).And.Contain(PortalApp.TrialId).And.Contain("likely eligible").And.Contain("webhook:");
    }

    [Fact]
    public async Task List_CoordinatorMappedByEmail_SeesTheirSite()
    {
        var ofB = await fixture.App.CreateReferralAsync(PortalApp.SiteB);
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync("22222222-bbbb-4bbb-8bbb-00000000000b", preferredUsername: "Coordinator.B@Site-B.example");

        var page = await browser.Client.GetStringAsync("/referrals");

        page.Should().Contain(ofB.ReferralId).And.Contain("email:");
    }

    [Fact]
    public async Task List_DeadLetteredDelivery_IsShownAsDeadLettered()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        await fixture.App.WaitForDeadLetterAsync(referral.ReferralId);
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        var page = await browser.Client.GetStringAsync("/referrals");

        page.Should().Contain("webhook: dead-lettered (connection_failed)");
    }

    [Fact]
    public async Task Detail_OwnSiteReferral_ShowsAnswersFlagsConsentContactAndDeliveries()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA, contactName: "Ana Patient Detail");
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        using var response = await browser.Client.GetAsync($"/referrals/{referral.ReferralId}");
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain(PortalApp.TrialId).And.Contain(PortalApp.SiteAName).And.Contain("likely eligible");
        page.Should().Contain("Diagnosis of systemic lupus erythematosus").And.Contain("Have you been diagnosed with lupus?").And.Contain("Yes, in 2019");
        page.Should().Contain("needs-lab-check");
        page.Should().Contain("consent-v1");
        page.Should().Contain("Ana Patient Detail").And.Contain("+34 600 000 000").And.Contain("ana.patient@patient.example").And.Contain("afternoons");
        page.Should().Contain("<td>webhook</td>");
    }

    [Fact]
    public async Task Detail_ReferralOfAnotherSite_NotFoundLikeAnUnknownId()
    {
        var ofB = await fixture.App.CreateReferralAsync(PortalApp.SiteB, contactName: "Bea Other Site");
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        using var otherSite = await browser.Client.GetAsync($"/referrals/{ofB.ReferralId}");
        using var unknown = await browser.Client.GetAsync($"/referrals/{Guid.NewGuid()}");

        otherSite.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = await otherSite.Content.ReadAsStringAsync();
        page.Should().NotContain("Bea Other Site").And.NotContain(PortalApp.SiteBName);
        PortalHtml.MainContentOf(page).Should().Be(PortalHtml.MainContentOf(await unknown.Content.ReadAsStringAsync()), "another site's referral must look exactly like one that does not exist");
    }

    [Fact]
    public async Task List_SignedInUserMappedToNoSite_ForbiddenWithAnExplanation()
    {
        await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync("33333333-cccc-4ccc-8ccc-00000000000c", preferredUsername: "someone.else@example.org");

        using var list = await browser.Client.GetAsync("/referrals");
        using var detail = await browser.Client.GetAsync($"/referrals/{Guid.NewGuid()}");

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        detail.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = await list.Content.ReadAsStringAsync();
        page.Should().Contain("no study site is assigned to you").And.Contain("Portal:Coordinators");
        page.Should().NotContain("/referrals/0");
    }

    [Fact]
    public async Task Detail_Transcript_EveryActivityInOrderAndMessagesHtmlEncoded()
    {
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA, conversationId);
        await fixture.App.RecordTranscriptAsync(
            conversationId,
            (TranscriptDirection.Incoming, new Activity { Type = ActivityTypes.ConversationUpdate }),
            (TranscriptDirection.Outgoing, new Activity
            {
                Type = ActivityTypes.Message,
                Text = "FIRST: have you been diagnosed with lupus?",
                SuggestedActions = new SuggestedActions(null, [new CardAction("imBack", "Yes"), new CardAction("imBack", "No")]),
            }),
            (TranscriptDirection.Incoming, new Activity { Type = ActivityTypes.Message, Text = "SECOND: yes <script>alert('x')</script> & \"more\"\nsince 2019" }),
            (TranscriptDirection.Outgoing, new Activity { Type = ActivityTypes.Message, Text = "THIRD: thank you" }));
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        var page = await browser.Client.GetStringAsync($"/referrals/{referral.ReferralId}");

        page.Should().NotContain("<script", "a patient's message is text, never markup");
        page.Should().Contain("SECOND: yes &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;<br>since 2019");
        var order = new[] { "conversationUpdate", "FIRST:", "SECOND:", "THIRD:" }.Select(marker => page.IndexOf(marker, StringComparison.Ordinal)).ToList();
        order.Should().OnlyContain(index => index >= 0).And.BeInAscendingOrder();
        page.Should().Contain("Choices offered: Yes · No");
        page.Should().Contain("""<li class="in">""").And.Contain("""<li class="out">""");
    }

    [Fact]
    public async Task Pages_EveryResponse_NoStoreAndSecurityHeaders()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        using var browser = fixture.App.CreateBrowser();
        using var redirect = await browser.Client.GetAsync("/referrals");
        await browser.SignInAsync(PortalApp.CoordinatorA);

        using var list = await browser.Client.GetAsync("/referrals");
        using var detail = await browser.Client.GetAsync($"/referrals/{referral.ReferralId}");
        using var missing = await browser.Client.GetAsync($"/referrals/{Guid.NewGuid()}");

        foreach (var response in new[] { redirect, list, detail, missing })
        {
            response.Headers.CacheControl!.NoStore.Should().BeTrue($"{response.RequestMessage!.RequestUri} carries health data");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.Should().Contain("frame-ancestors 'none'").And.Contain("default-src 'none'").And.NotContain("script-src").And.NotContain("unsafe-inline");
        }
    }

    [Fact]
    public async Task Detail_View_AuditedWithIdsOnlyNoPatientData()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA, contactName: "Zed Audit Patient");
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        (await browser.Client.GetStringAsync($"/referrals/{referral.ReferralId}")).Should().Contain("Zed Audit Patient");

        var lines = fixture.App.Logs.Lines;
        lines.Should().Contain(line => line.Contains("Portal audit", StringComparison.Ordinal)
            && line.Contains(PortalApp.CoordinatorA, StringComparison.Ordinal)
            && line.Contains("view", StringComparison.Ordinal)
            && line.Contains(referral.ReferralId, StringComparison.Ordinal));
        lines.Should().NotContain(line => line.Contains("Zed Audit Patient", StringComparison.Ordinal)
            || line.Contains("ana.patient@patient.example", StringComparison.Ordinal)
            || line.Contains("Yes, in 2019", StringComparison.Ordinal));
    }
}
