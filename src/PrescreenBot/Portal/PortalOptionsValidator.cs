using Microsoft.Extensions.Options;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Portal;

/// <summary>
/// Checks the <c>Portal</c> section at start: an authority over https (plain http only on loopback, for local issuers),
/// and coordinators naming sites that exist, so a typo stops the host instead of silently hiding a site's referrals.
/// </summary>
public sealed class PortalOptionsValidator(IOptions<SiteDirectoryOptions> sites) : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckAddress(options.Authority, nameof(PortalOptions.Authority), errors);
        CheckAddress(options.MetadataAddress, nameof(PortalOptions.MetadataAddress), errors);
        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{PortalOptions.SectionName}:{nameof(PortalOptions.SessionLifetime)} must be positive.");
        }

        var known = sites.Value.Sites.Select(site => site.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < options.Coordinators.Count; index++)
        {
            var coordinator = options.Coordinators[index];
            var path = $"{PortalOptions.SectionName}:{nameof(PortalOptions.Coordinators)}:{index}";
            if (string.IsNullOrWhiteSpace(coordinator.User))
            {
                errors.Add($"{path}:User is required (an Azure AD object id or an e-mail address).");
            }

            if (coordinator.Sites.Count == 0)
            {
                errors.Add($"{path}:Sites must name at least one site.");
            }

            errors.AddRange(coordinator.Sites
                .Where(site => !known.Contains(site))
                .Select(site => $"{path}:Sites names '{site}', which is not a configured site (Sites[].Id)."));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckAddress(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            errors.Add($"{PortalOptions.SectionName}:{key} must be an absolute https URL (http only on loopback).");
        }
    }
}
