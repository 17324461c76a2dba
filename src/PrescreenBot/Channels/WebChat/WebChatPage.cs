using System.Net;
using System.Text;

namespace PrescreenBot.Channels.WebChat;

/// <summary>
/// The page at <c>/</c>: <c>Page/index.html</c> with its <c>{{placeholders}}</c> filled in (HTML-encoded) for the locale,
/// so <c>lang</c> and every label are right before any script runs.
/// </summary>
public sealed class WebChatPage
{
    private readonly string _template;

    public WebChatPage(WebChatAssets assets)
    {
        _template = File.ReadAllText(assets.PathOf(WebChatAssets.PageTemplate));
    }

    public string Render(string locale, WebChatPageText text)
    {
        var html = new StringBuilder(_template)
            .Replace("{{lang}}", Encode(text.Lang))
            .Replace("{{locale}}", Encode(locale))
            .Replace("{{error}}", Encode(text.Error))
            .Replace("{{title}}", Encode(text.Title))
            .Replace("{{skip}}", Encode(text.Skip))
            .Replace("{{tagline}}", Encode(text.Tagline))
            .Replace("{{noticeLead}}", Encode(text.NoticeLead))
            .Replace("{{notice}}", Encode(text.Notice))
            .Replace("{{chatHeading}}", Encode(text.ChatHeading))
            .Replace("{{loading}}", Encode(text.Loading))
            .Replace("{{noscript}}", Encode(text.NoScript))
            .Replace("{{footer}}", Encode(text.Footer));
        return html.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
