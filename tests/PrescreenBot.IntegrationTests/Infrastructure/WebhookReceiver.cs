using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// A site's webhook endpoint on a loopback port: records every request it gets (headers and body as sent) and answers
/// 200. Signature checks are the test's job, against the secret it configured.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private LoopbackServer? _server;

    /// <summary>Where the bot must POST (configure it as the site's <c>Delivery:Webhook:Url</c>).</summary>
    public Uri Url => new(_server!.BaseAddress, "referrals");

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/referrals", receiver.ReceiveAsync));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        _received.Enqueue(new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(),
            request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(),
            request.ContentType,
            body));
        return Results.Ok();
    }
}

/// <summary>One request as it arrived: the three Standard Webhooks headers, the content type and the raw body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string? ContentType, string Body);
