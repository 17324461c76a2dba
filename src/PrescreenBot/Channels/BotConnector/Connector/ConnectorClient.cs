using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.BotConnector.Connector;

/// <summary>
/// The Bot Connector REST API, bot → channel: ReplyToActivity (<c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>)
/// and SendToConversation (<c>POST …/v3/conversations/{id}/activities</c>), with the bot's bearer token (none without an
/// app id). Ids are escaped (Teams conversation ids contain <c>:</c>, <c>@</c>, <c>;</c>). Transient failures (network,
/// 408, 429, 5xx) are retried a few times with backoff, honouring Retry-After; a 401 refreshes the token once.
/// </summary>
public sealed partial class ConnectorClient(IHttpClientFactory httpClientFactory, IConnectorTokenProvider tokens, TimeProvider timeProvider, ILogger<ConnectorClient> logger)
{
    /// <summary>Name of the HttpClient for Connector and token calls.</summary>
    public const string HttpClientName = "BotConnector";

    /// <summary>Three tries: enough to ride out a blip at the channel, few enough that the reply is still timely.</summary>
    public const int MaxAttempts = 3;

    /// <summary>First pause between tries; doubled each time, with jitter.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>A Retry-After longer than this is not waited for: the patient would be gone.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Sends <paramref name="activity"/>: as a reply when it has <c>replyToId</c>, else to the conversation.</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl to send it to.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken)
            : ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken);
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        PostActivityAsync(ActivitiesUri(serviceUrl, conversationId, null), activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        PostActivityAsync(ActivitiesUri(serviceUrl, conversationId, activityId), activity, cancellationToken);

    /// <summary><c>{serviceUrl}/v3/conversations/{esc(id)}/activities[/{esc(activityId)}]</c>.</summary>
    public static Uri ActivitiesUri(string serviceUrl, string conversationId, string? activityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activityId))
        {
            path += "/" + Uri.EscapeDataString(activityId);
        }

        return new Uri(new Uri(baseUrl, UriKind.Absolute), path);
    }

    private async Task<ResourceResponse> PostActivityAsync(Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        // Channels assign ids; a bot must not send one (Bot Builder nulls it too).
        var outgoing = activity.Clone();
        outgoing.Id = null;
        var body = BotJson.SerializeActivity(outgoing);
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(uri, body, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                LogRetrying(logger, uri.Host, attempt, ex.GetType().Name);
                await Task.Delay(Backoff(attempt, null), timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new ConnectorException($"The Bot Connector at {uri.Host} could not be reached.", null, ex);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadResourceResponseAsync(response, cancellationToken).ConfigureAwait(false);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken)
                {
                    refreshedToken = true;
                    tokens.Invalidate();
                    continue;
                }

                if (IsTransient(response.StatusCode) && attempt < MaxAttempts && (RetryAfter(response) is not { } retryAfter || retryAfter <= MaxRetryAfter))
                {
                    LogRetrying(logger, uri.Host, attempt, $"HTTP {(int)response.StatusCode}");
                    await Task.Delay(Backoff(attempt, RetryAfter(response)), timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new ConnectorException($"The Bot Connector at {uri.Host} answered HTTP {(int)response.StatusCode}.", response.StatusCode);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Uri uri, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ResourceResponse> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (json.Length == 0)
        {
            return new ResourceResponse();
        }

        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(json, BotJson.Options) ?? new ResourceResponse();
        }
        catch (JsonException)
        {
            // Delivered is delivered: an unreadable acknowledgement only costs us the channel's id for the message.
            return new ResourceResponse();
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);

    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after;
        }

        var exponential = BaseDelay * Math.Pow(2, attempt - 1);
        return exponential + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)BaseDelay.TotalMilliseconds));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Bot Connector call to {Host} failed (attempt {Attempt}: {Failure}); retrying")]
    private static partial void LogRetrying(ILogger logger, string host, int attempt, string failure);
}
