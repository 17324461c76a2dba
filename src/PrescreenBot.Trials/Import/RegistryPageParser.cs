using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Import;

/// <summary>
/// The scraped registry page layout: a title line, "NCT ID:", "Basic Information" (status, phase, enrollment,
/// type, start and completion dates), "Eligibility Criteria" followed by the criteria and then min age, max age,
/// sex and healthy volunteers, then "Sponsors", "Responsible Party", "Principal Investigators", "Locations",
/// "Central Contacts", "Facility Contacts" and "Other Identifiers". Each heading is followed by a one-line description.
/// </summary>
internal static partial class RegistryPageParser
{
    private static readonly string[] Headings =
    [
        "Study Results", "Basic Information", "Brief Summary", "Related Clinical Trials", "Detailed Description", "Conditions",
        "Study Design", "Study Groups", "Interventions", "Eligibility Criteria", "Sponsors", "Responsible Party",
        "Principal Investigators", "Locations", "Countries", "Central Contacts", "Facility Contacts", "Other Identifiers",
        "More Related Trials",
    ];

    [GeneratedRegex(@"^Role:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    public static ImportedSource Parse(IReadOnlyList<SourceLine> lines, string sourceName)
    {
        var page = new PageLines(lines);
        var ignored = new IgnoredLines(lines, IgnoredLines.PageText);
        foreach (var h in Headings)
        {
            var i = page.Find(0, h);
            if (i >= 0)
            {
                ignored.Mark(lines[i].Number, IgnoredLines.PageChrome);
                var next = page.NextNonBlank(i + 1);
                if (next >= 0 && page.Text(next).EndsWith('.') && page.Text(next).Split(' ').Length > 5)
                {
                    ignored.Mark(lines[next].Number, IgnoredLines.PageChrome);
                }
            }
        }

        var titleIndex = page.NextNonBlank(0);
        var title = page.Text(titleIndex);
        if (titleIndex >= 0)
        {
            ignored.MarkFact(lines[titleIndex].Number, "title");
        }

        string? nct = null;
        var nctLine = page.Find(0, t => t.StartsWith("NCT ID:", StringComparison.OrdinalIgnoreCase));
        if (nctLine >= 0)
        {
            nct = FactParsers.FindNctId(page.Text(nctLine));
            ignored.MarkFact(lines[nctLine].Number, "NCT id");
        }

        DateOnly? lastUpdated = null;
        var updatedLine = page.Find(0, t => t.StartsWith("Last Updated:", StringComparison.OrdinalIgnoreCase));
        if (updatedLine >= 0)
        {
            lastUpdated = FactParsers.IsoDate(page.Text(updatedLine)["Last Updated:".Length..]);
            ignored.MarkFact(lines[updatedLine].Number, "last updated");
        }

        // Basic information: status, phase, enrollment, type, start date, completion date (in this order on the page).
        string? status = null, phase = null;
        int? enrollment = null;
        var dates = new List<DateOnly>();
        var basic = page.Find(0, "Basic Information");
        var basicEnd = page.Find(basic + 1, "Brief Summary", "Detailed Description", "Eligibility Criteria");
        if (basic >= 0)
        {
            foreach (var i in page.NonBlank(basic + 2, basicEnd < 0 ? Math.Min(basic + 12, page.Count) : basicEnd))
            {
                var t = page.Text(i);
                var n = lines[i].Number;
                if (status is null && TrialStatuses.Normalize(t) is { } s)
                {
                    status = s;
                    ignored.MarkFact(n, "overall status");
                }
                else if (phase is null && FactParsers.Phase(t) is { } p)
                {
                    phase = p;
                    ignored.MarkFact(n, "phase");
                }
                else if (enrollment is null && FactParsers.EnrollmentCount(t) is { } e)
                {
                    enrollment = e;
                    ignored.MarkFact(n, "enrollment");
                }
                else if (FactParsers.IsoDate(t) is { } d)
                {
                    dates.Add(d);
                    ignored.MarkFact(n, dates.Count == 1 ? "start date" : "completion date");
                }
                else if (t is "INTERVENTIONAL" or "OBSERVATIONAL" or "EXPANDED_ACCESS")
                {
                    ignored.MarkFact(n, "study type");
                }
            }
        }

        var conditions = SectionLines(page, "Conditions").Select(i => page.Text(i)).ToList();
        foreach (var i in SectionLines(page, "Conditions"))
        {
            ignored.MarkFact(lines[i].Number, "conditions");
        }

        // Eligibility: criteria, then the trailing structured facts just above "Sponsors".
        var eligibility = page.Find(0, "Eligibility Criteria");
        var inclusion = page.Find(eligibility < 0 ? 0 : eligibility, t => PlainCriteriaParser.IsHeading(t) is not null);
        if (inclusion < 0)
        {
            throw new ImportException(sourceName, "no eligibility criteria section (no \"Inclusion Criteria\" or \"Exclusion Criteria\" heading).");
        }

        var sponsors = page.Find(inclusion, "Sponsors", "Responsible Party", "Locations");
        var end = sponsors < 0 ? page.Count : sponsors;
        bool? healthy = null;
        string? sex = null;
        var ages = new List<double>();
        var cursor = end - 1;
        while (cursor > inclusion && lines[cursor].IsBlank)
        {
            cursor--;
        }

        if (cursor > inclusion && page.Text(cursor) is "Yes" or "No")
        {
            healthy = page.Text(cursor) == "Yes";
            ignored.MarkFact(lines[cursor].Number, "healthy volunteers");
            cursor--;
        }

        if (cursor > inclusion && FactParsers.Sex(page.Text(cursor)) is { } sx)
        {
            sex = sx;
            ignored.MarkFact(lines[cursor].Number, "sex");
            cursor--;
        }

        while (cursor > inclusion && ages.Count < 2 && FactParsers.RegistryAgeYears(page.Text(cursor)) is { } age)
        {
            ages.Insert(0, age);
            ignored.MarkFact(lines[cursor].Number, ages.Count == 1 ? "age limit" : "minimum age");
            cursor--;
        }

        var criteriaLines = lines.Skip(inclusion).Take(cursor - inclusion + 1).ToList();
        ignored.MarkCriteria(lines[inclusion].Number, lines[cursor].Number);

        // A single age line is the minimum: the registry omits an unbounded maximum, rarely an unbounded minimum.
        double? minAge = ages.Count > 0 ? ages[0] : null;
        double? maxAge = ages.Count > 1 ? ages[1] : null;

        var sponsorName = SectionLines(page, "Sponsors").Select(i => page.Text(i)).FirstOrDefault();
        foreach (var i in SectionLines(page, "Sponsors"))
        {
            ignored.MarkFact(lines[i].Number, "sponsors");
        }

        var contacts = new List<Contact>();
        var responsible = SectionLines(page, "Responsible Party").ToList();
        if (responsible.Count > 0)
        {
            contacts.Add(new Contact { Name = page.Text(responsible[0]), Role = "RESPONSIBLE_PARTY" });
            foreach (var i in responsible)
            {
                ignored.MarkFact(lines[i].Number, "responsible party");
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
            ignored.MarkFact(lines[locationLines[k]].Number, "site");
            ignored.MarkFact(lines[locationLines[k + 1]].Number, "site location");
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

            ignored.MarkFact(lines[identifiers[k]].Number, "other identifiers");
        }

        var ids = TrialIds.Choose(nct, orgStudyId, sponsorName, title, sourceName);
        var trial = new Trial
        {
            Id = ids.Id,
            IdKind = ids.Kind,
            NctId = ids.NctId,
            OrgStudyId = orgStudyId,
            Title = title,
            OverallStatus = status,
            Phase = phase,
            Enrollment = enrollment,
            StartDate = dates.Count > 0 ? dates[0] : null,
            CompletionDate = dates.Count > 1 ? dates[1] : null,
            LastUpdated = lastUpdated,
            Conditions = conditions,
            Sex = sex ?? Sexes.All,
            MinAgeYears = minAge,
            MaxAgeYears = maxAge,
            HealthyVolunteers = healthy,
            Sponsor = sponsorName,
            Sites = sites,
            Contacts = contacts,
        };

        return new ImportedSource
        {
            Trial = trial,
            Layout = SourceLayouts.RegistryPage,
            CriteriaLines = criteriaLines,
            Ignored = ignored.Build(),
            Flags = ids.Flags,
        };
    }

    /// <summary>Non-blank lines of a section, skipping its one-line description, up to the next of <paramref name="ends"/>.</summary>
    private static IEnumerable<int> SectionLines(PageLines page, string heading)
    {
        var start = page.Find(0, heading);
        if (start < 0)
        {
            return [];
        }

        var stop = page.Find(start + 1, t => Headings.Contains(t, StringComparer.OrdinalIgnoreCase));
        var body = page.NonBlank(start + 1, stop < 0 ? page.Count : stop).ToList();
        if (body.Count > 0 && page.Text(body[0]).EndsWith('.') && page.Text(body[0]).Split(' ').Length > 5)
        {
            body.RemoveAt(0);
        }

        return body;
    }

    /// <summary>"Name" lines each optionally followed by "Role: X" and an affiliation line.</summary>
    private static List<Contact> People(PageLines page, string heading, IgnoredLines ignored, string what)
    {
        var result = new List<Contact>();
        var body = SectionLines(page, heading).ToList();
        for (var k = 0; k < body.Count; k++)
        {
            var t = page.Text(body[k]);
            ignored.MarkFact(page[body[k]].Number, what);
            var role = Role().Match(t);
            if (role.Success)
            {
                if (result.Count > 0)
                {
                    result[^1] = result[^1] with { Role = role.Groups[1].Value.Trim() };
                }

                continue;
            }

            // An affiliation follows a role line; a name follows anything else.
            if (k > 0 && Role().IsMatch(page.Text(body[k - 1])) && heading == "Principal Investigators")
            {
                continue;
            }

            result.Add(new Contact { Name = t });
        }

        return result;
    }
}
