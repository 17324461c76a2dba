using Microsoft.Extensions.Primitives;
using PrescreenBot.Channels.DirectLine.Tokens;

namespace PrescreenBot.Channels.WebChat;

/// <summary>The branded Web Chat page at <c>/</c>, its assets under <c>/webchat/</c>, and the page's own token endpoint.</summary>
public static class WebChatApi
{
    public const string TokenPath = "/api/webchat/token";

    /// <summary>The bundle's name never changes with its version, so browsers revalidate daily rather than cache forever.</summary>
    private const string AssetCacheControl = "public, max-age=86400";

    /// <summary>
    /// Web Chat injects its styles at runtime (hence 'unsafe-inline' for styles only); scripts, connections and
    /// everything else stay on this origin (ws/wss for the Direct Line stream).
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; media-src 'self' blob:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// Maps the page. Needs <see cref="DirectLine.DirectLineSetup.AddDirectLine"/> (tokens); the assets are loaded on the
    /// first request, so a build without them fails that request loudly without stopping the other channels.
    /// </summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var assets = new Lazy<WebChatAssets>(() => new WebChatAssets());
        var page = new Lazy<WebChatPage>(() => new WebChatPage(assets.Value));
        endpoints.MapGet("/", (HttpContext context) => ServePage(context, page.Value)).ExcludeFromDescription();
        endpoints.MapGet("/webchat/{name}", (HttpContext context, string name) => ServeAsset(context, name, assets.Value)).ExcludeFromDescription();
        endpoints.MapPost(TokenPath, MintToken).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult ServePage(HttpContext context, WebChatPage page)
    {
        var (locale, text) = WebChatPageText.For(context.Request.Query["locale"]);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Content(page.Render(locale, text), "text/html; charset=utf-8");
    }

    private static IResult ServeAsset(HttpContext context, string name, WebChatAssets assets)
    {
        context.Response.Headers.CacheControl = AssetCacheControl;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return assets.Serve(context, name);
    }

    /// <summary>
    /// A Direct Line token for a new patient and conversation, minted here so the browser never needs (or sees) the
    /// secret. It grants only that one conversation, for the token lifetime.
    /// </summary>
    private static IResult MintToken(HttpContext context, DirectLineTokenService tokens, TimeProvider time)
    {
        var issued = tokens.Issue(DirectLineIds.NewUserId(), DirectLineIds.NewConversationId());
        context.Response.Headers.CacheControl = new StringValues("no-store");
        return Results.Json(new WebChatToken(issued.Token, issued.Claims.ConversationId, issued.ExpiresInSeconds(time.GetUtcNow())));
    }
}
