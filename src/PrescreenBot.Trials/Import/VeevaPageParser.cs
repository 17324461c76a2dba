using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Import;

/// <summary>
/// The Veeva ClinicalTrials page layout: "Status and phase", "Conditions", "Enrollment", "Sex", "Ages",
/// "Volunteers", "Inclusion criteria" / "Exclusion criteria" up to "Trial design", then "Trial contacts and
/// locations" and "Central trial contact". Blank lines separate everything.
/// </summary>
internal static partial class VeevaPageParser
{
    private static readonly string[] Labels =
    [
        "Status and phase", "Conditions", "Treatments", "Study type", "Funder types", "Identifiers", "Details and patient eligibility",
        "About", "Full description", "Enrollment", "Sex", "Ages", "Volunteers", "Trial design", "Primary purpose", "Allocation",
        "Interventional model", "Masking", "Trial contacts and locations", "Central trial contact", "Menu",
    ];

    [GeneratedRegex(@"^\s*(\d+)\s*$")]
    private static partial Regex Count();

    public static ImportedSource Parse(IReadOnlyList<SourceLine> lines, string sourceName, List<Flag> flags)
    {
        var page = new PageLines(lines);
        var ignored = new IgnoredLines(lines, IgnoredLines.PageText);
        foreach (var label in Labels)
        {
            var i = page.Find(0, label);
            if (i >= 0)
            {
                ignored.Mark(lines[i].Number, IgnoredLines.PageChrome);
            }
        }

        string Next(string label, string field)
        {
            var i = page.Find(0, label);
            var n = i < 0 ? -1 : page.NextNonBlank(i + 1);
            if (n < 0)
            {
                return string.Empty;
            }

            ignored.MarkFact(lines[n].Number, field);
            return page.Text(n);
        }

        var menu = page.Find(0, "Menu");
        var titleIndex = page.NextNonBlank(menu < 0 ? 0 : menu + 1);
        if (titleIndex < 0)
        {
            titleIndex = page.NextNonBlank(0);
        }

        var title = page.Text(titleIndex);
        if (titleIndex >= 0)
        {
            ignored.MarkFact(lines[titleIndex].Number, "title");
        }

        var logo = page.Find(0, t => t.EndsWith(" logo", StringComparison.OrdinalIgnoreCase));
        string? sponsor = null;
        if (logo >= 0)
        {
            ignored.Mark(lines[logo].Number, IgnoredLines.PageChrome);
            var s = page.NextNonBlank(logo + 1);
            if (s >= 0)
            {
                sponsor = page.Text(s);
                ignored.MarkFact(lines[s].Number, "sponsor");
            }
        }

        var statusAt = page.Find(0, "Status and phase");
        string? status = null, phase = null;
        foreach (var i in page.NonBlank(statusAt + 1, statusAt < 0 ? 0 : statusAt + 6).Take(2))
        {
            if (TrialStatuses.Normalize(page.Text(i)) is { } s)
            {
                status = s;
                ignored.MarkFact(lines[i].Number, "overall status");
            }
            else if (FactParsers.Phase(page.Text(i)) is { } p)
            {
                phase = p;
                ignored.MarkFact(lines[i].Number, "phase");
            }
        }

        var conditions = new List<string>();
        var condAt = page.Find(0, "Conditions");
        var treatAt = page.Find(condAt + 1, "Treatments", "Study type", "Details and patient eligibility");
        if (condAt >= 0)
        {
            foreach (var i in page.NonBlank(condAt + 1, treatAt < 0 ? condAt + 2 : treatAt))
            {
                conditions.Add(page.Text(i));
                ignored.MarkFact(lines[i].Number, "conditions");
            }
        }

        string? nct = null, orgId = null;
        var idAt = page.Find(0, "Identifiers");
        var idEnd = page.Find(idAt + 1, "Details and patient eligibility", "About");
        if (idAt >= 0)
        {
            foreach (var i in page.NonBlank(idAt + 1, idEnd < 0 ? idAt + 1 : idEnd))
            {
                var t = page.Text(i);
                nct ??= FactParsers.FindNctId(t);
                if (FactParsers.FindNctId(t) is null)
                {
                    orgId ??= t;
                }

                ignored.MarkFact(lines[i].Number, "identifiers");
            }
        }

        var enrollment = FactParsers.EnrollmentCount(Next("Enrollment", "enrollment"));
        var sex = FactParsers.Sex(Next("Sex", "sex")) ?? Sexes.All;
        var ages = FactParsers.PageAgeRangeYears(Next("Ages", "ages"));
        var volunteers = Next("Volunteers", "healthy volunteers");
        bool? healthy = volunteers.Length == 0 ? null : !volunteers.StartsWith("No", StringComparison.OrdinalIgnoreCase);

        var inclusion = page.Find(0, t => PlainCriteriaParser.IsHeading(t) is not null);
        if (inclusion < 0)
        {
            throw new ImportException(sourceName, "no eligibility criteria section (no \"Inclusion criteria\" or \"Exclusion criteria\" heading).");
        }

        var design = page.Find(inclusion, "Trial design", "Trial contacts and locations");
        var end = design < 0 ? page.Count - 1 : design - 1;
        while (end > inclusion && lines[end].IsBlank)
        {
            end--;
        }

        ignored.MarkCriteria(lines[inclusion].Number, lines[end].Number);

        var contacts = new List<Contact>();
        var centralAt = page.Find(0, "Central trial contact");
        if (centralAt >= 0)
        {
            var n = page.NextNonBlank(centralAt + 1);
            if (n >= 0)
            {
                ignored.MarkFact(lines[n].Number, "central contacts");
                contacts.AddRange(page.Text(n).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(name => new Contact { Name = name, Role = "CENTRAL_CONTACT" }));
            }
        }

        var locAt = page.Find(0, "Trial contacts and locations");
        if (locAt >= 0)
        {
            var n = page.NextNonBlank(locAt + 1);
            if (n >= 0 && Count().Match(page.Text(n)) is { Success: true } m)
            {
                ignored.MarkFact(lines[n].Number, "number of locations");
                var stated = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (stated > 0)
                {
                    flags.Add(new Flag
                    {
                        Code = FlagCodes.NoSites,
                        Message = $"The page says the trial has {stated} location(s) but lists none (the list did not load: \"Loading...\"); ask the sponsor for the sites.",
                    });
                }
            }
        }

        var ids = TrialIds.Choose(nct, orgId, sponsor, title, sourceName);
        return new ImportedSource
        {
            Trial = new Trial
            {
                Id = ids.Id,
                IdKind = ids.Kind,
                NctId = ids.NctId,
                OrgStudyId = orgId,
                Title = title,
                OverallStatus = status,
                Phase = phase,
                Enrollment = enrollment,
                Conditions = conditions,
                Sex = sex,
                MinAgeYears = ages?.Min,
                MaxAgeYears = ages?.Max,
                HealthyVolunteers = healthy,
                Sponsor = sponsor,
                Contacts = contacts,
            },
            Layout = SourceLayouts.VeevaPage,
            CriteriaLines = [.. lines.Skip(inclusion).Take(end - inclusion + 1)],
            Ignored = ignored.Build(),
            Flags = ids.Flags,
        };
    }
}
