namespace PrescreenBot.Trials.Import;

/// <summary>
/// The scraped registry page layout: a title line, "NCT ID:", "Basic Information" (status, phase, enrollment,
/// type, start and completion dates), "Eligibility Criteria" followed by the criteria and then min age, max age,
/// sex and healthy volunteers, then "Sponsors", "Responsible Party", "Principal Investigators", "Locations",
/// "Central Contacts", "Facility Contacts" and "Other Identifiers". Each heading is followed by a one-line description.
/// </summary>
/// <remarks>
/// Each part of the page is read in its own partial file (basic information, eligibility, contacts and sites,
/// section bodies); this file keeps the order they are read in, which decides how overlapping lines are labelled.
/// </remarks>
internal static partial class RegistryPageParser
{
    private static readonly string[] Headings =
    [
        "Study Results", "Basic Information", "Brief Summary", "Related Clinical Trials", "Detailed Description", "Conditions",
        "Study Design", "Study Groups", "Interventions", "Eligibility Criteria", "Sponsors", "Responsible Party",
        "Principal Investigators", "Locations", "Countries", "Central Contacts", "Facility Contacts", "Other Identifiers",
        "More Related Trials",
    ];

    public static ImportedSource Parse(IReadOnlyList<SourceLine> lines, string sourceName)
    {
        var page = new PageLines(lines);
        var ignored = new IgnoredLines(lines, IgnoredLines.PageText);
        MarkHeadings(page, ignored);

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

        var basic = ReadBasicInformation(page, ignored);

        var conditions = SectionLines(page, "Conditions").Select(i => page.Text(i)).ToList();
        foreach (var i in SectionLines(page, "Conditions"))
        {
            ignored.MarkFact(lines[i].Number, "conditions");
        }

        var eligibility = ReadEligibility(page, ignored, sourceName);

        var sponsorName = SectionLines(page, "Sponsors").Select(i => page.Text(i)).FirstOrDefault();
        foreach (var i in SectionLines(page, "Sponsors"))
        {
            ignored.MarkFact(lines[i].Number, "sponsors");
        }

        var (contacts, sites) = ReadContactsAndSites(page, ignored);
        var orgStudyId = ReadOrgStudyId(page, ignored);

        var ids = TrialIds.Choose(nct, orgStudyId, sponsorName, title, sourceName);
        var trial = new Trial
        {
            Id = ids.Id,
            IdKind = ids.Kind,
            NctId = ids.NctId,
            OrgStudyId = orgStudyId,
            Title = title,
            OverallStatus = basic.Status,
            Phase = basic.Phase,
            Enrollment = basic.Enrollment,
            StartDate = basic.Dates.Count > 0 ? basic.Dates[0] : null,
            CompletionDate = basic.Dates.Count > 1 ? basic.Dates[1] : null,
            LastUpdated = lastUpdated,
            Conditions = conditions,
            Sex = eligibility.Sex ?? Sexes.All,
            MinAgeYears = eligibility.MinAgeYears,
            MaxAgeYears = eligibility.MaxAgeYears,
            HealthyVolunteers = eligibility.HealthyVolunteers,
            Sponsor = sponsorName,
            Sites = sites,
            Contacts = contacts,
        };

        return new ImportedSource
        {
            Trial = trial,
            Layout = SourceLayouts.RegistryPage,
            CriteriaLines = eligibility.CriteriaLines,
            Ignored = ignored.Build(),
            Flags = ids.Flags,
        };
    }

    /// <summary>Section headings and their one-line descriptions are page chrome, not trial text.</summary>
    private static void MarkHeadings(PageLines page, IgnoredLines ignored)
    {
        foreach (var h in Headings)
        {
            var i = page.Find(0, h);
            if (i >= 0)
            {
                ignored.Mark(page[i].Number, IgnoredLines.PageChrome);
                var next = page.NextNonBlank(i + 1);
                if (next >= 0 && page.Text(next).EndsWith('.') && page.Text(next).Split(' ').Length > 5)
                {
                    ignored.Mark(page[next].Number, IgnoredLines.PageChrome);
                }
            }
        }
    }
}
