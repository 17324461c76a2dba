using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.DirectLine.Wire;

/// <summary>Every response Direct Line gives, written with the bot's JSON options so activities look the same everywhere.</summary>
public static class DirectLineResults
{
    /// <summary>When storage is briefly unavailable the client is asked to come back rather than shown a server error.</summary>
    public const int BusyRetryAfterSeconds = 5;

    public static IResult Json<T>(T body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, BotJson.Options, contentType: "application/json", statusCode: statusCode);

    public static IResult Error(int statusCode, string code, string message) =>
        Json(new DirectLineErrorResponse(new DirectLineError(code, message)), statusCode);

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, message);

    public static IResult MissingCredentials() => Error(
        StatusCodes.Status401Unauthorized,
        DirectLineErrorCodes.Unauthorized,
        "Send 'Authorization: Bearer <token or secret>'.");

    public static IResult TokenExpired() => Error(
        StatusCodes.Status403Forbidden,
        DirectLineErrorCodes.TokenExpired,
        "The token has expired; get a new one.");

    public static IResult Forbidden() => Error(
        StatusCodes.Status403Forbidden,
        DirectLineErrorCodes.Forbidden,
        "The credentials are not valid for this request.");

    public static IResult ConversationNotFound() => Error(
        StatusCodes.Status404NotFound,
        DirectLineErrorCodes.NotFound,
        "The conversation does not exist or has expired; start a new one.");

    public static IResult TooLarge(int maxBytes) => Error(
        StatusCodes.Status413PayloadTooLarge,
        DirectLineErrorCodes.MessageSizeTooBig,
        $"The activity is larger than {maxBytes / 1024} KB.");

    /// <summary>429 with Retry-After: DirectLineJS honours it, and Direct Line clients never see a 5xx from us.</summary>
    public static IResult Busy() => new BusyResult();

    private sealed class BusyResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(
                StatusCodes.Status429TooManyRequests,
                DirectLineErrorCodes.ServiceBusy,
                "The service is briefly unavailable; please try again in a moment.").ExecuteAsync(httpContext);
        }
    }
}
