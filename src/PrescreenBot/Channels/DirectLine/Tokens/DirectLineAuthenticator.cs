using PrescreenBot.Channels.DirectLine.Wire;

namespace PrescreenBot.Channels.DirectLine.Tokens;

/// <summary>Reads <c>Authorization: Bearer</c> (or the WebSocket's <c>?t=</c>) into a <see cref="DirectLineCaller"/>.</summary>
public sealed class DirectLineAuthenticator(DirectLineTokenService tokens)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Answers 401 without credentials, 403 <c>TokenExpired</c> for an expired token, 403 for anything else invalid.</summary>
    public async Task<DirectLineAuthentication> AuthenticateAsync(HttpContext context, bool allowQueryToken = false)
    {
        var credential = BearerValue(context.Request.Headers.Authorization.ToString());
        if (credential is null && allowQueryToken)
        {
            var fromQuery = context.Request.Query["t"].ToString();
            credential = string.IsNullOrEmpty(fromQuery) ? null : fromQuery;
        }

        if (credential is null)
        {
            return new DirectLineAuthentication(null, DirectLineResults.MissingCredentials());
        }

        if (tokens.IsSecret(credential))
        {
            return new DirectLineAuthentication(DirectLineCaller.Secret, null);
        }

        var check = await tokens.CheckAsync(credential).ConfigureAwait(false);
        return check.Status switch
        {
            DirectLineTokenStatus.Valid => new DirectLineAuthentication(new DirectLineCaller(check.Claims, credential), null),
            DirectLineTokenStatus.Expired => new DirectLineAuthentication(null, DirectLineResults.TokenExpired()),
            _ => new DirectLineAuthentication(null, DirectLineResults.Forbidden()),
        };
    }

    private static string? BearerValue(string header)
    {
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = header[BearerPrefix.Length..].Trim();
        return value.Length == 0 ? null : value;
    }
}
