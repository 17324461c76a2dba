using PrescreenBot.Portal.Access;
using PrescreenBot.Portal.Authentication;
using PrescreenBot.Portal.Deliveries;
using PrescreenBot.Portal.Pages;

namespace PrescreenBot.Portal;

/// <summary>
/// The coordinator portal's routes. Every response gets the portal's headers; every route but the stylesheet needs the
/// portal configured; every referral route needs a signed-in coordinator and is scoped to their sites.
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var portal = endpoints.MapGroup("").AddEndpointFilter<PortalResponseFilter>().ExcludeFromDescription();
        portal.MapGet(PortalStyles.Path, () => Results.Text(PortalStyles.Css, "text/css; charset=utf-8"));

        var configured = portal.MapGroup("").AddEndpointFilter<PortalConfiguredFilter>();
        configured.MapGet(PortalAuthentication.SignInPath, SignInEndpoints.StartAsync);
        configured.MapGet(PortalAuthentication.CallbackPath, SignInEndpoints.CallbackAsync);
        configured.MapPost(PortalAuthentication.SignOutPath, SignInEndpoints.SignOutAsync);

        var referrals = configured.MapGroup(PortalAuthentication.HomePath).AddEndpointFilter<CoordinatorAccessFilter>();
        referrals.MapGet("", ReferralListPage.RenderAsync);
        referrals.MapGet("/{id}", ReferralDetailPage.RenderAsync);
        referrals.MapPost(RetryDeliveryEndpoint.Pattern, RetryDeliveryEndpoint.HandleAsync);
        return endpoints;
    }
}
