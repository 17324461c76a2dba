using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// A channel over real HTTP: the Bot Connector REST endpoints the bot replies to (recording path, Authorization and
/// activity) and an Azure AD token endpoint (<c>/{tenant}/oauth2/v2.0/token</c>) issuing numbered tokens.
/// </summary>
public sealed class LocalChannel : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ReceivedActivity> _received = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private int _tokens;
    private int _failuresToServe;

    private LocalChannel(LoopbackServer server) => _server = server;

    /// <summary>The serviceUrl activities from this channel carry.</summary>
    public string ServiceUrl => _server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Authority for <c>ToChannelFromBotLoginUrl</c>.</summary>
    public string LoginAuthority => new Uri(_server.BaseAddress, "botframework.com").ToString();

    public IReadOnlyList<ReceivedActivity> Received => [.. _received];

    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => [.. _tokenRequests];

    /// <summary>An IMDS-style managed identity endpoint on this server.</summary>
    public string ManagedIdentityEndpoint => new Uri(_server.BaseAddress, "metadata/identity/oauth2/token").ToString();

    /// <summary>The next <paramref name="count"/> activity posts are answered 503 (to test retries).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresToServe, count);

    public static async Task<LocalChannel> StartAsync()
    {
        LocalChannel? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpContext http) =>
            {
                if (Interlocked.Decrement(ref self!._failuresToServe) >= 0)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options);
                var rawTarget = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
                self._received.Enqueue(new ReceivedActivity(rawTarget, http.Request.Headers.Authorization.ToString(), activity!));
                return Results.Json(new { id = $"reply-{self._received.Count}" });
            });
            app.MapGet("/metadata/identity/oauth2/token", (HttpContext http) =>
            {
                self!._tokenRequests.Enqueue(http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()).Append(new("Metadata", http.Request.Headers["Metadata"].ToString())).ToDictionary());
                var number = Interlocked.Increment(ref self._tokens);
                return Results.Json(new { token_type = "Bearer", expires_in = "3600", access_token = $"msi-token-{number}", resource = http.Request.Query["resource"].ToString() });
            });
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http) =>
            {
                var form = await http.Request.ReadFormAsync();
                self!._tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                var number = Interlocked.Increment(ref self._tokens);
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"connector-token-{number}" });
            });
        });
        self = new LocalChannel(server);
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>One activity the bot posted: the raw request target (escaping visible), the Authorization header, the body.</summary>
    public sealed record ReceivedActivity(string RawTarget, string Authorization, Activity Activity);
}
