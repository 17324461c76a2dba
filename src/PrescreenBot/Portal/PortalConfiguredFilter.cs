using Microsoft.Extensions.Options;
using PrescreenBot.Portal.Pages;

namespace PrescreenBot.Portal;

/// <summary>Until sign-in is set up, every portal page is the 503 "not configured" page: never an anonymous view of patient data.</summary>
internal sealed class PortalConfiguredFilter(IOptions<PortalOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        options.Value.MissingKeys() is { Count: > 0 } missing
            ? StatusPages.NotConfigured(context.HttpContext, missing)
            : await next(context).ConfigureAwait(false);
}
