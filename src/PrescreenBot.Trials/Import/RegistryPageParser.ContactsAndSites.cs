namespace PrescreenBot.Trials.Import;

// Who runs the trial and where: responsible party, investigators, contacts, sites and the sponsor's own study id.
internal static partial class RegistryPageParser
{
    private static (List<Contact> Contacts, List<Site> Sites) ReadContactsAndSites(PageLines page, IgnoredLines ignored)
    {
        var contacts = new List<Contact>();
        var responsible = SectionLines(page, "Responsible Party").ToList();
        if (responsible.Count > 0)
        {
            contacts.Add(new Contact { Name = page.Text(responsible[0]), Role = "RESPONSIBLE_PARTY" });
            foreach (var i in responsible)
            {
                ignored.MarkFact(page[i].Number, "responsible party");
            }
        }

        contacts.AddRange(People(page, "Principal Investigators", ignored, "principal investigators"));
        var central = People(page, "Central Contacts", ignored, "central contacts");
        contacts.AddRange(central.Select(c => c with { Role = c.Role ?? "CENTRAL_CONTACT" }));
        var facility = People(page, "Facility Contacts", ignored, "facility contacts");

        var sites = new List<Site>();
        var locationLines = SectionLines(page, "Locations").ToList();
        for (var k = 0; k + 1 < locationLines.Count; k += 2)
        {
            var parts = page.Text(locationLines[k + 1]).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            sites.Add(new Site
            {
                Name = page.Text(locationLines[k]),
                City = parts.Length > 0 ? parts[0] : null,
                State = parts.Length > 2 ? parts[1] : null,
                Country = parts.Length > 1 ? parts[^1] : null,
            });
            ignored.MarkFact(page[locationLines[k]].Number, "site");
            ignored.MarkFact(page[locationLines[k + 1]].Number, "site location");
        }

        // Facility contacts belong to the site when there is exactly one; otherwise we cannot tell whose they are.
        if (sites.Count == 1 && facility.Count > 0)
        {
            sites[0] = sites[0] with { Contacts = facility };
        }
        else
        {
            contacts.AddRange(facility);
        }

        return (contacts, sites);
    }

    private static string? ReadOrgStudyId(PageLines page, IgnoredLines ignored)
    {
        string? orgStudyId = null;
        var identifiers = SectionLines(page, "Other Identifiers").ToList();
        for (var k = 0; k < identifiers.Count; k++)
        {
            var t = page.Text(identifiers[k]);
            // "<id>", "Identifier Type: -", "Identifier Source: org_study_id": the id is the last line before the labels.
            if (t.Contains("org_study_id", StringComparison.OrdinalIgnoreCase)
                && identifiers.Take(k).Where(j => !page.Text(j).StartsWith("Identifier", StringComparison.OrdinalIgnoreCase)).Select(page.Text).LastOrDefault() is { } written)
            {
                orgStudyId = written;
            }

            ignored.MarkFact(page[identifiers[k]].Number, "other identifiers");
        }

        return orgStudyId;
    }
}
