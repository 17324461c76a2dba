using PrescreenBot.Referrals.Outbox;

namespace PrescreenBot.Referrals.Delivery.Teams;

/// <summary>Sends the notification text into the site's configured Teams conversation.</summary>
public sealed class TeamsChannel(ITeamsChannelSender sender) : IDeliveryChannel
{
    public string Name => OutboxChannels.Teams;

    public async Task DeliverAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = TeamsTarget.Parse(attempt.Target);
        var text = $"**{NotificationText.Subject(attempt.Notification)}**\n\n{NotificationText.Body(attempt.Notification).Replace("\n", "\n\n", StringComparison.Ordinal)}";
        try
        {
            await sender.SendAsync(new TeamsMessage(serviceUrl, conversationId, attempt.MessageId, attempt.Notification.ReferralId, text), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new DeliveryFailedException(exception.StatusCode is { } status ? $"http_{(int)status}" : "connection_failed", exception);
        }
        catch (Exception exception) when (exception is not DeliveryFailedException and not OperationCanceledException)
        {
            throw new DeliveryFailedException("teams_send_failed", exception);
        }
    }
}
