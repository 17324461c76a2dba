using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PrescreenBot.Portal.Authentication;
using PrescreenBot.Referrals.Sites;

namespace PrescreenBot.Portal.Access;

/// <summary>
/// Site scoping: which sites a signed-in user coordinates, from <c>Portal:Coordinators</c>. Read on every request, so
/// removing someone from the configuration (and reloading it) takes their access away at once, session or not.
/// </summary>
public sealed class CoordinatorDirectory(IOptionsMonitor<PortalOptions> options, ConfiguredSiteDirectory sites)
{
    public Coordinator Resolve(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var objectId = user.FindFirstValue(PortalAuthentication.ObjectIdClaim);
        var usernames = new[] { user.FindFirstValue(PortalAuthentication.PreferredUsernameClaim), user.FindFirstValue(PortalAuthentication.EmailClaim) }
            .OfType<string>()
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .ToList();

        var siteIds = options.CurrentValue.Coordinators
            .Where(entry => Matches(entry.User.Trim(), objectId, usernames))
            .SelectMany(entry => entry.Sites)
            .Select(siteId => sites.Find(siteId)?.Id)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        return new Coordinator
        {
            AuditId = objectId ?? SubjectHash(user.FindFirstValue(PortalAuthentication.SubjectClaim)),
            DisplayName = user.FindFirstValue(PortalAuthentication.NameClaim) ?? usernames.FirstOrDefault() ?? "signed-in user",
            SiteIds = siteIds,
        };
    }

    private static bool Matches(string configured, string? objectId, List<string> usernames) =>
        configured.Length > 0
        && ((objectId is not null && string.Equals(configured, objectId, StringComparison.OrdinalIgnoreCase))
            || (configured.Contains('@', StringComparison.Ordinal) && usernames.Contains(configured, StringComparer.OrdinalIgnoreCase)));

    /// <summary>A stable, non-reversible id for audit lines when the token has no object id.</summary>
    private static string SubjectHash(string? subject) =>
        "sub-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject ?? string.Empty)))[..16];
}
