using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace PrescreenBot.IntegrationTests.Portal.Authentication;

public sealed class SignInTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Referrals_NoSession_RedirectsToTheAuthorityWithPkceStateAndNonce()
    {
        using var browser = fixture.App.CreateBrowser();

        var request = await browser.StartSignInAsync("/referrals");

        request.Uri.GetLeftPart(UriPartial.Path).Should().Be(fixture.Issuer.AuthorizeEndpoint.ToString());
        request.Query["client_id"].Should().Be(LocalAzureAdIssuer.ClientId);
        request.Query["response_type"].Should().Be("code");
        request.Query["scope"].Split(' ').Should().Contain("openid");
        request.Query["code_challenge_method"].Should().Be("S256");
        request.CodeChallenge.Should().MatchRegex("^[A-Za-z0-9_-]{43}$", "a base64url SHA-256");
        request.State.Should().HaveLength(43);
        request.Nonce.Should().HaveLength(43).And.NotBe(request.State);
        request.RedirectUri.Should().EndWith("/portal/signin-oidc");
    }

    [Fact]
    public async Task StartSignIn_TwoSignIns_UseFreshStateNonceAndVerifierEachTime()
    {
        using var browser = fixture.App.CreateBrowser();

        var first = await browser.StartSignInAsync();
        var second = await browser.StartSignInAsync();

        second.State.Should().NotBe(first.State);
        second.Nonce.Should().NotBe(first.Nonce);
        second.CodeChallenge.Should().NotBe(first.CodeChallenge);
    }

    [Fact]
    public async Task Callback_ValidCode_SetsAnHttpOnlyLaxSessionCookieAndReturnsToTheRequestedPage()
    {
        using var browser = fixture.App.CreateBrowser();
        var request = await browser.StartSignInAsync("/referrals");

        using var callback = await browser.CompleteSignInAsync(request, fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA));

        callback.StatusCode.Should().Be(HttpStatusCode.Redirect);
        callback.Headers.Location!.OriginalString.Should().Be("/referrals");
        var session = callback.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("PrescreenPortal=", StringComparison.Ordinal));
        session.Should().ContainEquivalentOf("httponly").And.ContainEquivalentOf("samesite=lax").And.ContainEquivalentOf("path=/");
        using var list = await browser.Client.GetAsync("/referrals");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_OverHttps_EveryCookieIsSecure()
    {
        using var browser = fixture.App.CreateBrowser(new Uri("https://localhost"));
        using var signIn = await browser.Client.GetAsync("/portal/signin?returnUrl=%2Freferrals");
        var request = AuthorizeRequest.From(signIn.Headers.Location!);

        using var callback = await browser.CompleteSignInAsync(request, fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA));
        using var list = await browser.Client.GetAsync("/referrals");

        request.RedirectUri.Should().Be("https://localhost/portal/signin-oidc");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookies = new[] { signIn, callback, list }.SelectMany(response => response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();
        cookies.Should().Contain(cookie => cookie.StartsWith("PrescreenPortal=", StringComparison.Ordinal));
        cookies.Should().Contain(cookie => cookie.StartsWith("PrescreenPortal.SignIn.", StringComparison.Ordinal));
        cookies.Should().Contain(cookie => cookie.StartsWith("PrescreenPortal.Antiforgery=", StringComparison.Ordinal));
        cookies.Should().OnlyContain(cookie => cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase) && cookie.Contains("; httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Callback_TheSameStateTwice_SecondIsRefused()
    {
        using var browser = fixture.App.CreateBrowser();
        var request = await browser.StartSignInAsync();
        using (var first = await browser.CompleteSignInAsync(request, fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using var replay = await browser.CompleteSignInAsync(request, fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA));

        replay.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Callback_ForgedIdToken_RefusedAndNoSession()
    {
        await AssertRefusedAsync(request => fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA, signingKey: LocalAzureAdIssuer.UnpublishedKey));
    }

    [Fact]
    public async Task Callback_IdTokenForAnotherApplication_RefusedAndNoSession()
    {
        await AssertRefusedAsync(request => fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA, audience: "another-application"));
    }

    [Fact]
    public async Task Callback_IdTokenOfAnotherIssuer_RefusedAndNoSession()
    {
        await AssertRefusedAsync(request => fixture.Issuer.CreateIdToken(
            request.Nonce, PortalApp.CoordinatorA, issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000bad/v2.0"));
    }

    [Fact]
    public async Task Callback_ExpiredIdToken_RefusedAndNoSession()
    {
        var now = DateTimeOffset.UtcNow;
        await AssertRefusedAsync(request => fixture.Issuer.CreateIdToken(
            request.Nonce, PortalApp.CoordinatorA, notBefore: now.AddHours(-2), expires: now.AddHours(-1)));
    }

    [Fact]
    public async Task Callback_IdTokenWithAnotherNonce_RefusedAndNoSession()
    {
        await AssertRefusedAsync(_ => fixture.Issuer.CreateIdToken(Base64UrlEncoder.Encode(Guid.NewGuid().ToByteArray()), PortalApp.CoordinatorA));
    }

    [Fact]
    public async Task Callback_StateThisBrowserNeverSent_RefusedWithoutRedeemingTheCode()
    {
        using var browser = fixture.App.CreateBrowser();
        var request = await browser.StartSignInAsync();
        var redeemedBefore = fixture.Issuer.Redeemed;

        using var callback = await browser.CompleteSignInAsync(
            request, fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA), state: Base64UrlEncoder.Encode(new byte[32]));

        callback.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await callback.Content.ReadAsStringAsync()).Should().Contain("Sign-in failed");
        fixture.Issuer.Redeemed.Should().Be(redeemedBefore, "a callback with an unknown state must not even redeem its code");
        await AssertNoSessionAsync(browser);
    }

    [Fact]
    public async Task Callback_StateStartedInAnotherBrowser_Refused()
    {
        using var victim = fixture.App.CreateBrowser();
        using var attacker = fixture.App.CreateBrowser();
        var attackersRequest = await attacker.StartSignInAsync();

        // Login CSRF: the attacker's own code and state, replayed in the victim's browser.
        using var callback = await victim.CompleteSignInAsync(attackersRequest, fixture.Issuer.CreateIdToken(attackersRequest.Nonce, PortalApp.CoordinatorA));

        callback.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertNoSessionAsync(victim);
    }

    [Fact]
    public async Task Callback_ReturnUrlToAnotherHost_ReturnsToTheReferralsList()
    {
        using var browser = fixture.App.CreateBrowser();
        using var signIn = await browser.Client.GetAsync("/portal/signin?returnUrl=%2F%2Fevil.example%2Fphish");
        var request = AuthorizeRequest.From(signIn.Headers.Location!);

        using var callback = await browser.CompleteSignInAsync(request, fixture.Issuer.CreateIdToken(request.Nonce, PortalApp.CoordinatorA));

        callback.Headers.Location!.OriginalString.Should().Be("/referrals");
    }

    [Fact]
    public async Task SignOut_WithTheFormToken_EndsTheSession()
    {
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(PortalApp.CoordinatorA);
        var page = await browser.Client.GetStringAsync("/referrals");

        using var signOut = await browser.Client.PostAsync("/portal/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__antiforgery"] = PortalHtml.AntiforgeryToken(page),
        }));

        signOut.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signOut.Content.ReadAsStringAsync()).Should().Contain("signed out");
        await AssertNoSessionAsync(browser);
    }

    private async Task AssertRefusedAsync(Func<AuthorizeRequest, string> idToken)
    {
        using var browser = fixture.App.CreateBrowser();
        var request = await browser.StartSignInAsync();

        using var callback = await browser.CompleteSignInAsync(request, idToken(request));

        callback.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await callback.Content.ReadAsStringAsync()).Should().Contain("could not be verified");
        callback.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(cookie => cookie.StartsWith("PrescreenPortal=", StringComparison.Ordinal) && !cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        await AssertNoSessionAsync(browser);
    }

    private static async Task AssertNoSessionAsync(PortalBrowser browser)
    {
        using var list = await browser.Client.GetAsync("/referrals");
        list.StatusCode.Should().Be(HttpStatusCode.Redirect, "without a session the list sends the browser to sign in");
        list.Headers.Location!.OriginalString.Should().StartWith("/portal/signin");
    }
}
