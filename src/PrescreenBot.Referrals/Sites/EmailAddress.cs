using System.Net.Mail;

namespace PrescreenBot.Referrals.Sites;

/// <summary>One rule for "a well-formed e-mail address", shared by configuration and referral validation.</summary>
public static class EmailAddress
{
    /// <summary>A bare address (no display name), with a dot in the domain, as a site or patient would type it.</summary>
    public static bool IsWellFormed(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value != value.Trim())
        {
            return false;
        }

        return MailAddress.TryCreate(value, out var parsed)
            && string.Equals(parsed.Address, value, StringComparison.Ordinal)
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !parsed.Host.EndsWith('.');
    }
}
