using PrescreenBot.Portal.Authentication;
using PrescreenBot.Portal.Markup;
using static PrescreenBot.Portal.Markup.HtmlTemplate;

namespace PrescreenBot.Portal.Pages;

/// <summary>The portal's plain answers when there is nothing to show: what happened, and what the reader can do.</summary>
internal static class StatusPages
{
    /// <summary>503, naming the keys to set: the portal never falls back to showing anything without sign-in.</summary>
    public static IResult NotConfigured(HttpContext http, IReadOnlyList<string> missingKeys)
    {
        var keys = HtmlContent.Join(missingKeys.Select(key => Html($"<li><code>{key}</code> (environment: <code>{key.Replace(":", "__", StringComparison.Ordinal)}</code>)</li>")));
        return PortalLayout.Page(http, "Portal not configured", Html($"""
            <h1>The coordinator portal is not configured</h1>
            <p>Sign-in with Azure AD (Entra ID) is required before any referral can be shown, and these settings are missing:</p>
            <ul>{keys}</ul>
            <p>Register a web application in Azure AD with the redirect URI <code>https://&lt;this host&gt;{PortalAuthentication.CallbackPath}</code>,
            then list who coordinates which site under <code>Portal:Coordinators</code>. See the README, section “Coordinator portal”.</p>
            """), StatusCodes.Status503ServiceUnavailable);
    }

    public static IResult NoSites(HttpContext http) => PortalLayout.Page(http, "No site assigned", Html($"""
        <h1>You are signed in, but no study site is assigned to you</h1>
        <p>The portal shows each coordinator the referrals of their own sites only, and your account is not listed for any site.
        Ask the PrescreenBot administrator to add your Azure AD object id or e-mail address under <code>Portal:Coordinators</code>.</p>
        """), StatusCodes.Status403Forbidden);

    public static IResult NotFound(HttpContext http) => PortalLayout.Page(http, "Not found", Html($"""
        <h1>Referral not found</h1>
        <p>There is no referral with this link among your sites' referrals. It may have been withdrawn by the patient or removed after the retention period.</p>
        <p><a href="{PortalLayout.Link(http, PortalAuthentication.HomePath)}">All referrals of your sites</a></p>
        """), StatusCodes.Status404NotFound);

    public static IResult SignInFailed(HttpContext http, string explanation) => PortalLayout.Page(http, "Sign-in failed", Html($"""
        <h1>Sign-in failed</h1>
        <p>{explanation}</p>
        <p><a href="{PortalLayout.Link(http, PortalAuthentication.HomePath)}">Sign in again</a></p>
        """), StatusCodes.Status400BadRequest);

    public static IResult SignInUnavailable(HttpContext http) => PortalLayout.Page(http, "Sign-in unavailable", Html($"""
        <h1>Azure AD could not be reached</h1>
        <p>The portal could not contact the sign-in service. Please try again in a few minutes.</p>
        """), StatusCodes.Status502BadGateway);

    public static IResult FormExpired(HttpContext http) => PortalLayout.Page(http, "Form expired", Html($"""
        <h1>This form has expired</h1>
        <p>Nothing was changed. Go back, reload the page and try again.</p>
        """), StatusCodes.Status400BadRequest);

    public static IResult SignedOut(HttpContext http) => PortalLayout.Page(http, "Signed out", Html($"""
        <h1>You are signed out of the portal</h1>
        <p>Close the browser to end your Azure AD session too. <a href="{PortalLayout.Link(http, PortalAuthentication.HomePath)}">Sign in again</a></p>
        """));
}
