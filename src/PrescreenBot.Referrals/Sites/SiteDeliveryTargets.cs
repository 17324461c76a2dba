namespace PrescreenBot.Referrals.Sites;

/// <summary>
/// Which delivery channels a site really has. A section left with blank values (as environment overrides
/// sometimes leave it) counts as absent rather than as a broken channel.
/// </summary>
public static class SiteDeliveryTargets
{
    public static bool HasWebhook(SiteDeliveryOptions delivery) =>
        delivery.Webhook is { } webhook && !(string.IsNullOrWhiteSpace(webhook.Url) && string.IsNullOrWhiteSpace(webhook.Secret));

    public static bool HasTeams(SiteDeliveryOptions delivery) =>
        delivery.Teams is { } teams && !(string.IsNullOrWhiteSpace(teams.ServiceUrl) && string.IsNullOrWhiteSpace(teams.ConversationId));
}
