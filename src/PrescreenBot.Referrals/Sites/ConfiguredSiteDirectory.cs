using Microsoft.Extensions.Options;
using PrescreenBot.Conversation.Referrals;

namespace PrescreenBot.Referrals.Sites;

/// <summary>The site directory read from configuration (<c>Sites[]</c>), validated at start.</summary>
public sealed class ConfiguredSiteDirectory(IOptions<SiteDirectoryOptions> options) : ISiteDirectory
{
    private readonly IReadOnlyList<SiteOptions> _sites = options.Value.Sites;

    public IReadOnlyList<StudySite> SitesForTrial(string trialId) =>
        _sites
            .Where(site => site.Trials.Contains(trialId, StringComparer.OrdinalIgnoreCase))
            .Select(site => new StudySite(site.Id, site.Name, site.City, site.Country, site.Trials))
            .ToList();

    /// <summary>The full configuration of one site (delivery targets included), or null when it is not configured.</summary>
    public SiteOptions? Find(string siteId) =>
        _sites.FirstOrDefault(site => string.Equals(site.Id, siteId, StringComparison.OrdinalIgnoreCase));
}
