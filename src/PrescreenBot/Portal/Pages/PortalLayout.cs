using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using PrescreenBot.Portal.Access;
using PrescreenBot.Portal.Authentication;
using PrescreenBot.Portal.Markup;
using static PrescreenBot.Portal.Markup.HtmlTemplate;

namespace PrescreenBot.Portal.Pages;

/// <summary>The frame of every portal page: document head, who is signed in, sign-out, and the page's main content.</summary>
internal static class PortalLayout
{
    public static IResult Page(HttpContext http, string title, HtmlContent main, int statusCode = StatusCodes.Status200OK)
    {
        var document = Html($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{title} · PrescreenBot coordinator portal</title>
            <link rel="stylesheet" href="{Link(http, PortalStyles.Path)}">
            </head>
            <body>
            <a class="skip" href="#main">Skip to main content</a>
            <header>
            <span class="brand">PrescreenBot coordinator portal</span>
            {Navigation(http)}
            </header>
            <main id="main">
            {main}
            </main>
            </body>
            </html>
            """);
        return Results.Content(document.Value, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>A hidden field with this request's antiforgery token, for every form that changes something.</summary>
    public static HtmlContent AntiforgeryField(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    /// <summary>303 See Other: after a form post, the browser loads the given page with GET.</summary>
    public static IResult SeeOther(HttpContext http, string path)
    {
        http.Response.Headers.Location = Link(http, path);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A path of the portal under this request's path base.</summary>
    public static string Link(HttpContext http, string path) => http.Request.PathBase.Add(path).Value ?? path;

    /// <summary>Instants as UTC, to the minute, in a machine-readable <c>&lt;time&gt;</c>.</summary>
    public static HtmlContent Time(DateTimeOffset? instant) =>
        instant is { } value
            ? Html($"""<time datetime="{value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}">{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</time>""")
            : Html($"—");

    private static HtmlContent Navigation(HttpContext http) =>
        http.Items[typeof(Coordinator)] is Coordinator coordinator
            ? Html($"""
                <nav aria-label="Portal">
                <a href="{Link(http, PortalAuthentication.HomePath)}">Referrals</a>
                · Signed in as {coordinator.DisplayName}
                <form method="post" action="{Link(http, PortalAuthentication.SignOutPath)}">{AntiforgeryField(http)}<button type="submit">Sign out</button></form>
                </nav>
                """)
            : HtmlContent.Empty;
}
