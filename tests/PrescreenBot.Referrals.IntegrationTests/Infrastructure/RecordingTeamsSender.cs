using System.Collections.Concurrent;
using PrescreenBot.Referrals.Delivery.Teams;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>The Teams seam's fake (the real one is the host's Bot Connector client): records what it was asked to post.</summary>
internal sealed class RecordingTeamsSender : ITeamsChannelSender
{
    private readonly ConcurrentQueue<TeamsMessage> _sent = new();

    public IReadOnlyList<TeamsMessage> Sent => _sent.ToList();

    public Task SendAsync(TeamsMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
