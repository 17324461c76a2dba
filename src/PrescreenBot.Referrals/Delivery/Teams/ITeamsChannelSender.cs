namespace PrescreenBot.Referrals.Delivery.Teams;

/// <summary>
/// Posts a message into a Teams conversation through the Bot Connector. The host implements it with its
/// Connector client; throw on failure (a <see cref="DeliveryFailedException"/> to choose the error code).
/// </summary>
public interface ITeamsChannelSender
{
    Task SendAsync(TeamsMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// What to post where. <see cref="MessageId"/> is the outbox row id, stable across retries (usable as the
/// activity id or for de-duplication); <see cref="Text"/> is markdown.
/// </summary>
public sealed record TeamsMessage(string ServiceUrl, string ConversationId, string MessageId, string ReferralId, string Text);
