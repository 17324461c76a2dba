using Microsoft.AspNetCore.Authentication;
using PrescreenBot.Portal.Authentication;
using PrescreenBot.Portal.Pages;

namespace PrescreenBot.Portal.Access;

/// <summary>
/// In front of every referral page: no session → off to sign in (coming back to the same path, which holds ids only);
/// a session but no site → 403 with an explanation; otherwise the request carries its <see cref="Coordinator"/>.
/// </summary>
internal sealed class CoordinatorAccessFilter(CoordinatorDirectory directory) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var session = await http.AuthenticateAsync(PortalAuthentication.Scheme).ConfigureAwait(false);
        if (!session.Succeeded)
        {
            var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path.Value : PortalAuthentication.HomePath;
            return Results.Redirect(PortalLayout.Link(http, $"{PortalAuthentication.SignInPath}?returnUrl={Uri.EscapeDataString(back ?? PortalAuthentication.HomePath)}"));
        }

        // Antiforgery tokens are bound to this identity, whatever the host's default scheme is.
        http.User = session.Principal;
        var coordinator = directory.Resolve(session.Principal);
        if (coordinator.SiteIds.Count == 0)
        {
            return StatusPages.NoSites(http);
        }

        coordinator.AttachTo(http);
        return await next(context).ConfigureAwait(false);
    }
}
