using System.Text;
using PrescreenBot.Referrals.Referrals;

namespace PrescreenBot.Referrals.Delivery;

/// <summary>The human-readable form of a notification, shared by e-mail and Teams.</summary>
public static class NotificationText
{
    /// <summary>No names or contact details: subjects travel in places bodies do not (previews, relay logs).</summary>
    public static string Subject(ReferralNotification notification) =>
        $"Pre-screening referral for {notification.TrialId} ({ReferralVerdicts.Describe(notification.Verdict)})";

    public static string Body(ReferralNotification notification)
    {
        var contact = notification.Contact;
        var text = new StringBuilder()
            .AppendLine($"A patient pre-screened for trial {notification.TrialId} asked to be contacted by {notification.SiteName}.")
            .AppendLine()
            .AppendLine($"Verdict: {ReferralVerdicts.Describe(notification.Verdict)}")
            .AppendLine($"Name: {contact.Name}");
        AppendIfPresent(text, "Phone", contact.Phone);
        AppendIfPresent(text, "E-mail", contact.Email);
        AppendIfPresent(text, "Best time to call", contact.BestTime);
        AppendIfPresent(text, "Preferred language", contact.PreferredLanguage);
        if (contact.AnsweredByGuardian)
        {
            text.AppendLine("Answered by a parent or guardian for a child.");
        }

        return text
            .AppendLine()
            .AppendLine($"The answers and the whole conversation: {notification.Link}")
            .AppendLine($"Referral {notification.ReferralId}, created {notification.CreatedAt:yyyy-MM-dd HH:mm} UTC.")
            .ToString();
    }

    private static void AppendIfPresent(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.AppendLine($"{label}: {value}");
        }
    }
}
