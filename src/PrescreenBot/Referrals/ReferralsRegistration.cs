using PrescreenBot.Channels.Teams;
using PrescreenBot.Referrals.Delivery.Teams;

namespace PrescreenBot.Referrals;

/// <summary>
/// Wires the referral hand-off (durable store, transcripts, outbox dispatcher — <c>PrescreenBot.Referrals</c>) with the
/// host's Teams delivery over the Bot Connector client.
/// </summary>
public static class ReferralsRegistration
{
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ITeamsChannelSender, ConnectorTeamsChannelSender>();
        builder.Services.AddReferrals(builder.Configuration);
        return builder;
    }
}
