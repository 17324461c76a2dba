using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrescreenBot.Portal.Access;
using PrescreenBot.Portal.Authentication;

namespace PrescreenBot.Portal;

/// <summary>Wires the coordinator portal: its options, the Azure AD sign-in, the session cookie, antiforgery and site scoping.</summary>
public static class PortalRegistration
{
    /// <summary>Metadata, keys and code redemption; long enough for a slow authority, short enough that a coordinator is not left waiting.</summary>
    public static readonly TimeSpan AuthorityTimeout = TimeSpan.FromSeconds(15);

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(PortalOpenIdConnectClient.HttpClientName, client => client.Timeout = AuthorityTimeout);
        services.AddSingleton<PortalOpenIdConnectClient>();
        services.AddSingleton<PendingSignInCookies>();
        services.AddSingleton<CoordinatorDirectory>();
        services.AddSingleton<PortalAudit>();

        services.AddAuthentication().AddCookie(PortalAuthentication.Scheme, cookie =>
        {
            cookie.Cookie.Name = PortalAuthentication.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.SlidingExpiration = false;
        });
        services.AddOptions<CookieAuthenticationOptions>(PortalAuthentication.Scheme)
            .Configure<IOptions<PortalOptions>, TimeProvider>((cookie, portal, timeProvider) =>
            {
                cookie.ExpireTimeSpan = portal.Value.SessionLifetime;
                cookie.TimeProvider = timeProvider;
            });

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "PrescreenPortal.Antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__antiforgery";
            // The portal sends frame-ancestors 'none' and X-Frame-Options DENY itself.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }
}
