using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.Channels.BotConnector.Connector;
using PrescreenBot.Referrals.Delivery;
using PrescreenBot.Referrals.Delivery.Teams;

namespace PrescreenBot.Channels.Teams;

/// <summary>
/// Delivers referral notices into a site's Teams conversation (configured per site: service URL + conversation id),
/// proactively, through the Bot Connector: <c>POST {serviceUrl}/v3/conversations/{id}/activities</c>. Failures become
/// <see cref="DeliveryFailedException"/> codes (<c>http_403</c>, <c>connection_failed</c>…) for the outbox's retries.
/// </summary>
public sealed class ConnectorTeamsChannelSender(ConnectorClient connector) : ITeamsChannelSender
{
    public async Task SendAsync(TeamsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = BotChannels.Msteams,
            ServiceUrl = message.ServiceUrl,
            Conversation = new ConversationAccount(message.ConversationId),
            Text = message.Text,
            TextFormat = TextFormatTypes.Markdown,
        };
        try
        {
            await connector.SendToConversationAsync(message.ServiceUrl, message.ConversationId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            throw new DeliveryFailedException(ex.StatusCode is { } status ? $"http_{(int)status}" : "connection_failed", ex);
        }
        catch (ConnectorAuthenticationException ex)
        {
            throw new DeliveryFailedException("connector_token_failed", ex);
        }
    }
}
