using System.Net;
using PrescreenBot.Referrals.Outbox;

namespace PrescreenBot.IntegrationTests.Portal.Deliveries;

public sealed class RetryDeliveryTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Retry_DeadLetteredDeliveryWithTheFormToken_QueuedAgainAndAudited()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        var dead = (await fixture.App.WaitForDeadLetterAsync(referral.ReferralId)).Single();
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);
        var page = await browser.Client.GetStringAsync($"/referrals/{referral.ReferralId}");
        var action = PortalHtml.FormActions(page).Single(form => form.EndsWith("/retry", StringComparison.Ordinal));

        using var retry = await browser.Client.PostAsync(action, Form(PortalHtml.AntiforgeryToken(page)));

        retry.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        retry.Headers.Location!.OriginalString.Should().Be($"/referrals/{referral.ReferralId}");
        action.Should().Be($"/referrals/{referral.ReferralId}/deliveries/{dead.Id}/retry");
        // The host's dispatcher attempts it again at once; nobody listens, so it is dead again after that one attempt.
        var again = (await fixture.App.WaitForDeadLetterAsync(referral.ReferralId)).Single();
        again.AttemptCount.Should().Be(dead.AttemptCount + 1);
        fixture.App.Logs.Lines.Should().Contain(line => line.Contains("retry-delivery", StringComparison.Ordinal) && line.Contains(referral.ReferralId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_WithoutTheFormToken_RefusedAndNothingChanges()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        var dead = (await fixture.App.WaitForDeadLetterAsync(referral.ReferralId)).Single();
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);

        using var retry = await browser.Client.PostAsync($"/referrals/{referral.ReferralId}/deliveries/{dead.Id}/retry", Form("forged-token"));

        retry.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await fixture.App.Outbox.ListForReferralAsync(referral.ReferralId)).Single().Should().BeEquivalentTo(dead);
    }

    [Fact]
    public async Task Retry_ReferralOfAnotherSite_NotFoundAndNothingChanges()
    {
        var referral = await fixture.App.CreateReferralAsync(PortalApp.SiteA);
        var dead = (await fixture.App.WaitForDeadLetterAsync(referral.ReferralId)).Single();
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync("22222222-bbbb-4bbb-8bbb-00000000000b", preferredUsername: PortalApp.CoordinatorBEmail);
        var token = PortalHtml.AntiforgeryToken(await browser.Client.GetStringAsync("/referrals"));

        using var retry = await browser.Client.PostAsync($"/referrals/{referral.ReferralId}/deliveries/{dead.Id}/retry", Form(token));

        retry.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.App.Outbox.ListForReferralAsync(referral.ReferralId)).Single().State.Should().Be(OutboxStates.Dead);
    }

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__antiforgery"] = token });
}
