using System.Net;
using System.Text.RegularExpressions;

namespace PrescreenBot.IntegrationTests.Portal;

/// <summary>Reads what a test needs out of a portal page (the form token, a form's action).</summary>
public static partial class PortalHtml
{
    public static string AntiforgeryToken(string page) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(page) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery field."));

    public static IReadOnlyList<string> FormActions(string page) =>
        FormAction().Matches(page).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();

    /// <summary>The page's main content (the header differs per request: it holds a fresh form token).</summary>
    public static string MainContentOf(string page) =>
        MainContent().Match(page) is { Success: true } match ? match.Value : throw new InvalidOperationException("The page has no <main>.");

    [GeneratedRegex("<main id=\"main\">.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainContent();

    [GeneratedRegex("""<input type="hidden" name="__antiforgery" value="([^"]+)">""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();
}
