namespace PrescreenBot.Referrals.Delivery.Teams;

/// <summary>
/// Stands in until the host registers its Connector-backed sender: Teams rows fail with a clear code (and
/// dead-letter after the maximum) instead of vanishing.
/// </summary>
internal sealed class UnconfiguredTeamsChannelSender : ITeamsChannelSender
{
    public Task SendAsync(TeamsMessage message, CancellationToken cancellationToken) =>
        throw new DeliveryFailedException("teams_sender_not_registered");
}
