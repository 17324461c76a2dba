using System.Net.Http.Headers;
using System.Text;
using PrescreenBot.Referrals.Outbox;

namespace PrescreenBot.Referrals.Delivery.Webhook;

/// <summary>
/// POSTs the notification to the site's URL, signed the Standard Webhooks way. <c>webhook-id</c> is the outbox row
/// id, the same on every retry, so a receiver de-duplicates; the timestamp and signature are fresh per attempt.
/// Any 2xx is success.
/// </summary>
public sealed class WebhookChannel(HttpClient httpClient, TimeProvider timeProvider) : IDeliveryChannel
{
    public string Name => OutboxChannels.Webhook;

    public async Task DeliverAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        var secret = attempt.Site.Delivery.Webhook?.Secret;
        if (!WebhookSecret.TryParse(secret, out var key, out _))
        {
            // The site's webhook was removed or broken after the row was queued.
            throw new DeliveryFailedException("webhook_not_configured");
        }

        var now = timeProvider.GetUtcNow();
        var body = new WebhookPayload(WebhookPayload.ReferralCreatedType, now, attempt.Notification).ToJson();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Target)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSigner.IdHeader, attempt.MessageId);
        request.Headers.Add(WebhookSigner.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(key, attempt.MessageId, timestamp, body));

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new DeliveryFailedException("connection_failed", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException("timeout", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryFailedException($"http_{(int)response.StatusCode}");
            }
        }
    }
}
