using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PrescreenBot.Portal.Pages;

namespace PrescreenBot.Portal.Authentication;

/// <summary>
/// Sign-in and sign-out: <c>GET /portal/signin</c> sends the browser to Azure AD, <c>GET /portal/signin-oidc</c> takes
/// it back (code + state), checks everything and sets the session cookie; <c>POST /portal/signout</c> ends it.
/// </summary>
internal static partial class SignInEndpoints
{
    public static async Task<IResult> StartAsync(
        string? returnUrl, HttpContext http, PendingSignInCookies pendingSignIns, PortalOpenIdConnectClient client, ILogger<PortalOpenIdConnectClient> logger)
    {
        var pending = pendingSignIns.Start(http, returnUrl);
        try
        {
            var authorize = await client.AuthorizationUrlAsync(pending, RedirectUri(http), http.RequestAborted).ConfigureAwait(false);
            return Results.Redirect(authorize.AbsoluteUri);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            // ConfigurationManager reports an unreachable or unreadable metadata document as InvalidOperationException.
            LogMetadataUnavailable(logger, exception.GetType().Name);
            return StatusPages.SignInUnavailable(http);
        }
    }

    public static async Task<IResult> CallbackAsync(
        HttpContext http,
        PendingSignInCookies pendingSignIns,
        PortalOpenIdConnectClient client,
        IOptions<PortalOptions> options,
        TimeProvider timeProvider,
        ILogger<PortalOpenIdConnectClient> logger)
    {
        var query = http.Request.Query;
        var pending = pendingSignIns.Take(http, query["state"].ToString());
        if (pending is null)
        {
            LogRefused(logger, "unknown_or_expired_state");
            return StatusPages.SignInFailed(http, "This sign-in was not started in this browser, or it took too long. Nothing was signed in.");
        }

        if (!string.IsNullOrEmpty(query["error"]))
        {
            LogRefused(logger, "authority_error");
            return StatusPages.SignInFailed(http, $"Azure AD did not sign you in ({query["error"]}).");
        }

        var code = query["code"].ToString();
        if (string.IsNullOrEmpty(code))
        {
            LogRefused(logger, "missing_code");
            return StatusPages.SignInFailed(http, "Azure AD's answer carried no authorization code.");
        }

        PortalSignInResult result;
        try
        {
            result = await client.RedeemAsync(code, pending, RedirectUri(http), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            LogMetadataUnavailable(logger, exception.GetType().Name);
            return StatusPages.SignInUnavailable(http);
        }

        if (result.Principal is null)
        {
            LogRefused(logger, result.Failure!);
            return StatusPages.SignInFailed(http, "Your sign-in could not be verified. Nothing was signed in.");
        }

        var now = timeProvider.GetUtcNow();
        await http.SignInAsync(PortalAuthentication.Scheme, result.Principal, new AuthenticationProperties
        {
            IsPersistent = false,
            IssuedUtc = now,
            ExpiresUtc = now + options.Value.SessionLifetime,
            AllowRefresh = false,
        }).ConfigureAwait(false);
        return Results.Redirect(PortalLayout.Link(http, pending.ReturnPath));
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // The form's token was issued to the signed-in user: validate it against the same identity.
        if ((await http.AuthenticateAsync(PortalAuthentication.Scheme).ConfigureAwait(false)).Principal is { } user)
        {
            http.User = user;
        }

        if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return StatusPages.FormExpired(http);
        }

        await http.SignOutAsync(PortalAuthentication.Scheme).ConfigureAwait(false);
        return StatusPages.SignedOut(http);
    }

    /// <summary>
    /// This host's callback as the browser reached it; behind a TLS-terminating proxy enable forwarded headers so it reads
    /// https. Azure AD only redirects to URIs registered for the app, so a forged Host header cannot divert the code.
    /// </summary>
    private static string RedirectUri(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{PortalAuthentication.CallbackPath}";

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Portal sign-in refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Portal sign-in unavailable: the authority could not be reached ({ExceptionType})")]
    private static partial void LogMetadataUnavailable(ILogger logger, string exceptionType);
}
