using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Delivery.Email;

/// <summary>
/// The <c>Smtp</c> section must be usable as soon as any site has e-mail delivery. Run by the site directory's
/// validation, so one start-up error lists every configuration problem at once.
/// </summary>
public static class SmtpOptionsValidator
{
    /// <summary>The largest TCP port number.</summary>
    private const int MaximumPort = 65535;

    public static void Validate(SmtpOptions options, SiteDirectoryOptions sites, List<string> errors)
    {
        if (!sites.Sites.Any(site => site.Delivery.Email.Count > 0))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("Smtp.Host is required when a site has e-mail delivery.");
        }

        if (options.Port is < 1 or > MaximumPort)
        {
            errors.Add($"Smtp.Port must be between 1 and {MaximumPort}.");
        }

        if (!EmailAddress.IsWellFormed(options.From))
        {
            errors.Add("Smtp.From must be a well-formed e-mail address.");
        }

        if (options.TimeoutSeconds < 1)
        {
            errors.Add("Smtp.TimeoutSeconds must be at least 1.");
        }
    }
}
