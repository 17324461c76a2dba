using System.Net;
using PrescreenBot.IntegrationTests.DirectLine;

namespace PrescreenBot.IntegrationTests.Portal.Authentication;

/// <summary>Sign-ins and sessions end on the host's clock (moved by hand here).</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalAzureAdIssuer _issuer = null!;
    private PortalApp _app = null!;

    [Fact]
    public async Task Referrals_AfterTheSessionLifetime_SignInAgain()
    {
        using var browser = _app.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);
        using (var during = await browser.Client.GetAsync("/referrals"))
        {
            during.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        using var after = await browser.Client.GetAsync("/referrals");

        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().StartWith("/portal/signin");
    }

    [Fact]
    public async Task Callback_SignInStartedLongerAgoThanItsLifetime_Refused()
    {
        using var browser = _app.CreateBrowser();
        var request = await browser.StartSignInAsync();

        _time.Advance(TimeSpan.FromMinutes(11));
        using var callback = await browser.CompleteSignInAsync(request, _issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA, expires: DateTimeOffset.UtcNow.AddHours(2)));

        callback.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await callback.Content.ReadAsStringAsync()).Should().Contain("took too long");
    }

    public async Task InitializeAsync()
    {
        _issuer = await LocalAzureAdIssuer.StartAsync();
        _app = new PortalApp(_issuer, timeProvider: _time);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}
