using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Channels.DirectLine.Tokens;
using PrescreenBot.Channels.DirectLine.Wire;

namespace PrescreenBot.Channels.DirectLine;

/// <summary><c>tokens/generate</c> (secret → token for a new conversation) and <c>tokens/refresh</c> (token → fresh token).</summary>
internal static class DirectLineTokenEndpoints
{
    /// <summary>TokenParameters is a few hundred bytes; anything past this is not one.</summary>
    public const int MaxParametersBytes = 16 * 1024;

    public static async Task<IResult> GenerateAsync(HttpContext context, DirectLineAuthenticator authenticator, DirectLineTokenService tokens, TimeProvider time)
    {
        var authentication = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (authentication.Failure is not null)
        {
            return authentication.Failure;
        }

        if (!authentication.Caller!.IsSecret)
        {
            return DirectLineResults.Forbidden();
        }

        var (parameters, failure) = await ReadParametersAsync(context.Request).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var (userId, userFailure) = ChooseUserId(parameters);
        if (userFailure is not null)
        {
            return userFailure;
        }

        var issued = tokens.Issue(userId!, DirectLineIds.NewConversationId());
        return DirectLineResults.Json(new ConversationResponse(issued.Claims.ConversationId, issued.Token, issued.ExpiresInSeconds(time.GetUtcNow()), null));
    }

    public static async Task<IResult> RefreshAsync(HttpContext context, DirectLineAuthenticator authenticator, DirectLineTokenService tokens, TimeProvider time)
    {
        var authentication = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (authentication.Failure is not null)
        {
            return authentication.Failure;
        }

        if (authentication.Caller!.Token is not { } claims)
        {
            return DirectLineResults.BadArgument("Refresh needs a token; the secret does not expire.");
        }

        var issued = tokens.Refresh(claims);
        return DirectLineResults.Json(new ConversationResponse(claims.ConversationId, issued.Token, issued.ExpiresInSeconds(time.GetUtcNow()), null));
    }

    /// <summary>An absent or empty body is fine; a body that is there must be TokenParameters JSON.</summary>
    public static async Task<(TokenParameters Parameters, IResult? Failure)> ReadParametersAsync(HttpRequest request)
    {
        var body = await DirectLineRequests.ReadBodyAsync(request, MaxParametersBytes).ConfigureAwait(false);
        if (body is null)
        {
            return (new TokenParameters(), DirectLineResults.TooLarge(MaxParametersBytes));
        }

        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (new TokenParameters(), null);
        }

        try
        {
            return (JsonSerializer.Deserialize<TokenParameters>(body, BotJson.Options) ?? new TokenParameters(), null);
        }
        catch (JsonException)
        {
            return (new TokenParameters(), DirectLineResults.BadArgument("The body must be JSON TokenParameters, e.g. {\"user\":{\"id\":\"dl_…\"}}."));
        }
    }

    /// <summary>A caller-chosen id must carry the <c>dl_</c> prefix; none chosen means a fresh random one.</summary>
    public static (string? UserId, IResult? Failure) ChooseUserId(TokenParameters parameters)
    {
        var requested = parameters.User?.Id;
        if (string.IsNullOrEmpty(requested))
        {
            return (DirectLineIds.NewUserId(), null);
        }

        return DirectLineIds.IsAcceptableUserId(requested)
            ? (requested, null)
            : (null, DirectLineResults.BadArgument("User ids in tokens must start with 'dl_' and use only letters, digits, '.', '_' and '-'."));
    }
}
