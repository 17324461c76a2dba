namespace PrescreenBot.Portal;

/// <summary>
/// On every portal response: nothing cached anywhere (health data), no sniffing, no framing, no script at all, no referrer.
/// </summary>
internal sealed class PortalResponseFilter : IEndpointFilter
{
    /// <summary>Our own stylesheet and forms only: no script source exists, so injected markup cannot run anything.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
