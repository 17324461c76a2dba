using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Delivery;

/// <summary>
/// Sends one notification over one channel. Returns on acceptance; throws <see cref="DeliveryFailedException"/>
/// (with a code, no PHI) when the attempt failed and may be retried.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>The outbox channel name this handles (<see cref="Outbox.OutboxChannels"/>).</summary>
    string Name { get; }

    Task DeliverAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);
}

/// <summary>One attempt: the outbox row id (stable across retries), its target, the site and the payload.</summary>
public sealed record DeliveryAttempt(string MessageId, string Target, SiteOptions Site, ReferralNotification Notification);
