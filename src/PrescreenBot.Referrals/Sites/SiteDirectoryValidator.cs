using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Delivery.Email;
using PrescreenBot.Referrals.Delivery.Webhook;

namespace PrescreenBot.Referrals.Sites;

/// <summary>
/// Checks the whole <c>Sites</c> array at start, so a typo in an address or a short secret stops the host with a
/// message naming the site and the field, instead of dead-lettering referrals later. Checks the <c>Smtp</c>
/// section too, since only the sites tell whether e-mail is needed.
/// </summary>
public sealed class SiteDirectoryValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<SiteDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteDirectoryOptions options)
    {
        var errors = new List<string>();
        var seenIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < options.Sites.Count; index++)
        {
            ValidateSite(options.Sites[index], $"Sites[{index}]", seenIds, errors);
        }

        SmtpOptionsValidator.Validate(smtp.Value, options, errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSite(SiteOptions site, string path, HashSet<string> seenIds, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(site.Id))
        {
            errors.Add($"{path}.Id is required.");
        }
        else
        {
            path = $"{path} ('{site.Id}')";
            if (!seenIds.Add(site.Id))
            {
                errors.Add($"{path}.Id is used by more than one site.");
            }
        }

        RequireText(site.Name, $"{path}.Name", errors);
        RequireText(site.City, $"{path}.City", errors);
        RequireText(site.Country, $"{path}.Country", errors);
        if (site.Trials.Count == 0 || site.Trials.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{path}.Trials must list at least one trial id, none blank.");
        }

        for (var index = 0; index < site.Contacts.Count; index++)
        {
            var contact = site.Contacts[index];
            RequireText(contact.Name, $"{path}.Contacts[{index}].Name", errors);
            if (contact.Email is not null && !EmailAddress.IsWellFormed(contact.Email))
            {
                errors.Add($"{path}.Contacts[{index}].Email is not a well-formed e-mail address.");
            }
        }

        ValidateDelivery(site.Delivery, $"{path}.Delivery", errors);
    }

    private static void ValidateDelivery(SiteDeliveryOptions delivery, string path, List<string> errors)
    {
        for (var index = 0; index < delivery.Email.Count; index++)
        {
            if (!EmailAddress.IsWellFormed(delivery.Email[index]))
            {
                errors.Add($"{path}.Email[{index}] is not a well-formed e-mail address.");
            }
        }

        if (SiteDeliveryTargets.HasWebhook(delivery))
        {
            var webhook = delivery.Webhook!;
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{path}.Webhook.Url must be an absolute http(s) URL.");
            }

            if (!WebhookSecret.TryParse(webhook.Secret, out _, out var secretError))
            {
                errors.Add($"{path}.Webhook.Secret is unusable: {secretError}.");
            }
        }

        if (SiteDeliveryTargets.HasTeams(delivery))
        {
            var teams = delivery.Teams!;
            if (!Uri.TryCreate(teams.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{path}.Teams.ServiceUrl must be an absolute http(s) URL.");
            }

            RequireText(teams.ConversationId, $"{path}.Teams.ConversationId", errors);
        }

        if (delivery.Email.Count == 0 && !SiteDeliveryTargets.HasWebhook(delivery) && !SiteDeliveryTargets.HasTeams(delivery))
        {
            // A site nobody is told about would silently collect leads.
            errors.Add($"{path} needs at least one channel: Email, Webhook or Teams.");
        }
    }

    private static void RequireText(string? value, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path} is required.");
        }
    }
}
