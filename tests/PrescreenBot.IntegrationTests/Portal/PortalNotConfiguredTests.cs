using System.Net;

namespace PrescreenBot.IntegrationTests.Portal;

public sealed class PortalNotConfiguredTests : IAsyncLifetime
{
    private readonly PortalApp _app = new(issuer: null);

    [Theory]
    [InlineData("/referrals")]
    [InlineData("/referrals/0199a1b2-0000-7000-8000-000000000001")]
    [InlineData("/portal/signin")]
    [InlineData("/portal/signin-oidc?code=x&state=y")]
    public async Task Portal_NoAuthorityConfigured_503PageNamingTheKeysAndNoPatientData(string path)
    {
        var referral = await _app.CreateReferralAsync(PortalApp.SiteA, contactName: "Nora Unconfigured");
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path.Replace("0199a1b2-0000-7000-8000-000000000001", referral.ReferralId, StringComparison.Ordinal));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        page.Should().Contain("not configured").And.Contain("Portal:Authority").And.Contain("Portal:ClientId").And.Contain("Portal:ClientSecret").And.Contain("Portal__ClientSecret");
        page.Should().NotContain("Nora Unconfigured").And.NotContain(referral.ReferralId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
