using Microsoft.Extensions.Options;

namespace PrescreenBot.Channels.DirectLine;

/// <summary>
/// CORS for Direct Line, kept inside the feature so it needs no pipeline middleware: an endpoint filter stamps actual
/// responses and a catch-all answers preflights. DirectLineJS sends <c>Authorization</c>, <c>Content-Type</c> and
/// <c>x-ms-bot-agent</c> on every call, so all three must be allowed.
/// </summary>
internal static class DirectLineCors
{
    public const string AllowedHeaders = "Authorization, Content-Type, x-ms-bot-agent";
    private const string AllowedMethods = "GET, POST, OPTIONS";

    /// <summary>Ten minutes of cached preflights: fewer round trips for a patient on a slow phone connection.</summary>
    private const string PreflightMaxAgeSeconds = "600";

    public static async ValueTask<object?> StampResponseAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        Stamp(invocation.HttpContext);
        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>Answers a preflight anywhere under the base path; anything else that reached no endpoint is a 404.</summary>
    public static Task AnswerPreflightOrNotFoundAsync(HttpContext context)
    {
        if (!HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (Stamp(context))
        {
            context.Response.Headers.AccessControlAllowMethods = AllowedMethods;
            context.Response.Headers.AccessControlAllowHeaders = AllowedHeaders;
            context.Response.Headers.AccessControlMaxAge = PreflightMaxAgeSeconds;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static bool Stamp(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.AllowedOrigins;
        var headers = context.Response.Headers;
        if (allowed.Count == 0)
        {
            headers.AccessControlAllowOrigin = "*";
        }
        else if (allowed.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            headers.AccessControlAllowOrigin = origin;
            headers.Vary = "Origin";
        }
        else
        {
            return false;
        }

        headers.AccessControlExposeHeaders = "Retry-After";
        return true;
    }
}
