namespace PrescreenBot.Trials.Import;

/// <summary>
/// The patient recruitment page layout: the title (often twice), then status, ages ("18 years and older"), sex
/// and phase; "Eligibility" with "Inclusion Criteria:" / "Exclusion Criteria:" bullets up to "Study details",
/// which lists the conditions, the NCT id, the sponsor and a date; then a contact form.
/// </summary>
internal static class RecruitmentPageParser
{
    public static ImportedSource Parse(IReadOnlyList<SourceLine> lines, string sourceName)
    {
        var page = new PageLines(lines);
        var ignored = new IgnoredLines(lines, IgnoredLines.PageText);

        var titleIndex = page.Find(0, t => t.Length > 0 && !t.Equals("Image", StringComparison.OrdinalIgnoreCase));
        var title = page.Text(titleIndex);
        for (var i = 0; i <= titleIndex; i++)
        {
            ignored.Mark(lines[i].Number, IgnoredLines.PageChrome);
        }

        if (titleIndex >= 0)
        {
            ignored.MarkFact(lines[titleIndex].Number, "title");
        }
        var repeat = page.NextNonBlank(titleIndex + 1);
        if (repeat >= 0 && page.Text(repeat) == title)
        {
            ignored.MarkFact(lines[repeat].Number, "title (repeated)");
        }

        var eligibility = page.Find(0, "Eligibility");
        string? status = null, phase = null, sex = null;
        (double? Min, double? Max)? ages = null;
        foreach (var i in page.NonBlank(titleIndex + 1, eligibility < 0 ? Math.Min(page.Count, titleIndex + 10) : eligibility))
        {
            var t = page.Text(i);
            if (status is null && TrialStatuses.Normalize(t) is { } s)
            {
                status = s;
                ignored.MarkFact(lines[i].Number, "overall status");
            }
            else if (ages is null && FactParsers.PageAgeRangeYears(t) is { } a)
            {
                ages = a;
                ignored.MarkFact(lines[i].Number, "ages");
            }
            else if (sex is null && FactParsers.Sex(t) is { } x)
            {
                sex = x;
                ignored.MarkFact(lines[i].Number, "sex");
            }
            else if (phase is null && FactParsers.Phase(t) is { } p)
            {
                phase = p;
                ignored.MarkFact(lines[i].Number, "phase");
            }
        }

        if (eligibility >= 0)
        {
            ignored.Mark(lines[eligibility].Number, IgnoredLines.PageChrome);
        }

        var inclusion = page.Find(Math.Max(0, eligibility), t => PlainCriteriaParser.IsHeading(t) is not null);
        if (inclusion < 0)
        {
            throw new ImportException(sourceName, "no eligibility criteria section (no \"Inclusion Criteria:\" or \"Exclusion Criteria:\" heading).");
        }

        var details = page.Find(inclusion, "Study details");
        var end = details < 0 ? page.Count - 1 : details - 1;
        while (end > inclusion && lines[end].IsBlank)
        {
            end--;
        }

        ignored.MarkCriteria(lines[inclusion].Number, lines[end].Number);

        var conditions = new List<string>();
        string? nct = null, sponsor = null;
        if (details >= 0)
        {
            ignored.Mark(lines[details].Number, IgnoredLines.PageChrome);
            foreach (var i in page.NonBlank(details + 1, Math.Min(page.Count, details + 12)))
            {
                var t = page.Text(i);
                if (nct is null && FactParsers.FindNctId(t) is { } id && t.Length == id.Length)
                {
                    nct = id;
                    ignored.MarkFact(lines[i].Number, "NCT id");
                }
                else if (nct is null && lines[i].Text.StartsWith(' '))
                {
                    conditions.Add(t);
                    ignored.MarkFact(lines[i].Number, "conditions");
                }
                else if (nct is not null && sponsor is null)
                {
                    sponsor = t;
                    ignored.MarkFact(lines[i].Number, "sponsor");
                }
                else if (nct is not null && FactParsers.LongDate(t) is not null)
                {
                    // The page does not say which date this is (start? update?), so it is not guessed into a field.
                    ignored.Mark(lines[i].Number, "a date the page does not name (not used)");
                    break;
                }
            }
        }

        nct ??= FactParsers.FindNctId(string.Join('\n', lines.Select(l => l.Text)));
        var ids = TrialIds.Choose(nct, null, sponsor, title, sourceName);
        return new ImportedSource
        {
            Trial = new Trial
            {
                Id = ids.Id,
                IdKind = ids.Kind,
                NctId = ids.NctId,
                Title = title,
                OverallStatus = status,
                Phase = phase,
                Conditions = conditions,
                Sex = sex ?? Sexes.All,
                MinAgeYears = ages?.Min,
                MaxAgeYears = ages?.Max,
                Sponsor = sponsor,
            },
            Layout = SourceLayouts.RecruitmentPage,
            CriteriaLines = [.. lines.Skip(inclusion).Take(end - inclusion + 1)],
            Ignored = ignored.Build(),
            Flags = ids.Flags,
        };
    }
}
