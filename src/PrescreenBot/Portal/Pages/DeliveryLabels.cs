using PrescreenBot.Portal.Markup;
using PrescreenBot.Referrals.Outbox;
using PrescreenBot.Referrals.Referrals;
using static PrescreenBot.Portal.Markup.HtmlTemplate;

namespace PrescreenBot.Portal.Pages;

/// <summary>Words for delivery and referral states, the same on the list and on a referral's page.</summary>
internal static class DeliveryLabels
{
    /// <summary>One channel's state, e.g. "webhook: dead-lettered (http_500)"; dead-lettered stands out.</summary>
    public static HtmlContent Channel(OutboxMessage message) => message.State switch
    {
        OutboxStates.Dead => Html($"""<span class="state-dead">{message.Channel}: dead-lettered ({message.LastErrorCode ?? "no error code"})</span>"""),
        OutboxStates.Delivered => Html($"""<span class="state-delivered">{message.Channel}: delivered</span>"""),
        _ => message.AttemptCount == 0
            ? Html($"{message.Channel}: queued")
            : Html($"{message.Channel}: retrying ({message.AttemptCount} failed, {message.LastErrorCode ?? "no error code"})"),
    };

    public static string State(string state) => state switch
    {
        OutboxStates.Dead => "dead-lettered",
        OutboxStates.Delivered => "delivered",
        OutboxStates.Pending => "pending",
        _ => state,
    };

    public static string ReferralStatusText(string status) => status switch
    {
        ReferralStatus.Pending => "delivery pending",
        ReferralStatus.Delivered => "delivered",
        ReferralStatus.DeliveryFailed => "delivery failed",
        _ => status,
    };
}
