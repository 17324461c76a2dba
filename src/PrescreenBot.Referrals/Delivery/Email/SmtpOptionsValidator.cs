using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Referrals.Delivery.Email;

/// <summary>The <c>Smtp</c> section must be usable as soon as any site has e-mail delivery.</summary>
public sealed class SmtpOptionsValidator(IOptions<SiteDirectoryOptions> sites) : IValidateOptions<SmtpOptions>
{
    /// <summary>The largest TCP port number.</summary>
    private const int MaximumPort = 65535;

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!sites.Value.Sites.Any(site => site.Delivery.Email.Count > 0))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
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

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
