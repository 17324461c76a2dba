using PrescreenBot.Conversation.Referrals;

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
}
