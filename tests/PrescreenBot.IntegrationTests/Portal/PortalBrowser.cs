using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace PrescreenBot.IntegrationTests.Portal;

/// <summary>
/// A coordinator's browser: keeps cookies, and walks the sign-in one redirect at a time — portal → sign-in → Azure AD
/// (played by the test: it issues a code for an id_token of its choosing) → the portal's callback.
/// </summary>
public sealed class PortalBrowser(HttpClient client, LocalAzureAdIssuer issuer) : IDisposable
{
    public HttpClient Client => client;

    /// <summary>Opens <paramref name="path"/> without a session and follows the redirects up to Azure AD's authorize endpoint.</summary>
    public async Task<AuthorizeRequest> StartSignInAsync(string path = "/referrals")
    {
        using var page = await client.GetAsync(path);
        page.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{path} without a session sends the browser to sign in");
        using var signIn = await client.GetAsync(page.Headers.Location);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-in endpoint sends the browser to Azure AD");
        return AuthorizeRequest.From(signIn.Headers.Location!);
    }

    /// <summary>Azure AD's redirect back with a code for <paramref name="idToken"/>; <paramref name="state"/> defaults to the one sent.</summary>
    public Task<HttpResponseMessage> CompleteSignInAsync(AuthorizeRequest request, string idToken, string? state = null)
    {
        var code = issuer.IssueCode(request.CodeChallenge, request.RedirectUri, idToken);
        return client.GetAsync(QueryHelpers.AddQueryString("/portal/signin-oidc", new Dictionary<string, string?> { ["code"] = code, ["state"] = state ?? request.State }));
    }

    /// <summary>The whole sign-in as a user with this object id (and username), ending on the page it started from.</summary>
    public async Task SignInAsync(string objectId, string? preferredUsername = null, string path = "/referrals")
    {
        var request = await StartSignInAsync(path);
        using var callback = await CompleteSignInAsync(request, issuer.CreateIdToken(request.Nonce, objectId, preferredUsername));
        callback.StatusCode.Should().Be(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        callback.Headers.Location!.OriginalString.Should().Be(path);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>What the portal asked Azure AD for, read from the authorize redirect.</summary>
public sealed record AuthorizeRequest(Uri Uri, IReadOnlyDictionary<string, string> Query)
{
    public string State => Query["state"];
    public string Nonce => Query["nonce"];
    public string CodeChallenge => Query["code_challenge"];
    public string RedirectUri => Query["redirect_uri"];

    public static AuthorizeRequest From(Uri location) => new(
        location,
        QueryHelpers.ParseQuery(location.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal));
}
