using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Trials;

namespace PrescreenBot.Conversation.Handoff;

/// <summary>
/// Picks the study site nearest to the patient without geocoding: a site in their city beats one in their country,
/// which beats any other. When several sites tie, the patient chooses (never list order, a known complaint).
/// </summary>
public static class SiteChooser
{
    /// <summary>The sites tied for nearest; one means chosen, several means ask, none means no site is configured.</summary>
    public static IReadOnlyList<StudySite> Nearest(IReadOnlyList<StudySite> sites, string? city, string? country)
    {
        if (sites.Count <= 1)
        {
            return sites;
        }

        var inCity = sites.Where(s => PlaceNames.Same(s.City, city)).ToList();
        if (inCity.Count > 0)
        {
            return inCity;
        }

        var inCountry = sites.Where(s => PlaceNames.Same(s.Country, country)).ToList();
        return inCountry.Count > 0 ? inCountry : sites;
    }

    /// <summary>
    /// Leaves out configured sites the trial record says are no longer recruiting (each site has its own status, matched here
    /// by city). A site whose status the record does not give stays in: recall first. Never empties the list.
    /// </summary>
    public static IReadOnlyList<StudySite> Recruiting(IReadOnlyList<StudySite> sites, Trial trial)
    {
        var open = sites.Where(site => !trial.Sites.Any(t => PlaceNames.Same(t.City, site.City) && IsClosed(t.Status))).ToList();
        return open.Count > 0 ? open : sites;
    }

    private static bool IsClosed(string? status) => status is not null
        and not (TrialStatuses.Recruiting or TrialStatuses.NotYetRecruiting or TrialStatuses.EnrollingByInvitation or TrialStatuses.Unknown);
}
