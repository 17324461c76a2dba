namespace PrescreenBot.Trials.Import;

// The eligibility section: the criteria lines, and the structured facts the page prints after them (age limits,
// sex, healthy volunteers), read from the bottom up so criteria text is never mistaken for a fact.
internal static partial class RegistryPageParser
{
    private sealed record EligibilityFacts(
        List<SourceLine> CriteriaLines, bool? HealthyVolunteers, string? Sex, double? MinAgeYears, double? MaxAgeYears);

    private static EligibilityFacts ReadEligibility(PageLines page, IgnoredLines ignored, string sourceName)
    {
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
        while (cursor > inclusion && page[cursor].IsBlank)
        {
            cursor--;
        }

        if (cursor > inclusion && page.Text(cursor) is "Yes" or "No")
        {
            healthy = page.Text(cursor) == "Yes";
            ignored.MarkFact(page[cursor].Number, "healthy volunteers");
            cursor--;
        }

        if (cursor > inclusion && FactParsers.Sex(page.Text(cursor)) is { } sx)
        {
            sex = sx;
            ignored.MarkFact(page[cursor].Number, "sex");
            cursor--;
        }

        while (cursor > inclusion && ages.Count < 2 && FactParsers.RegistryAgeYears(page.Text(cursor)) is { } age)
        {
            ages.Insert(0, age);
            ignored.MarkFact(page[cursor].Number, ages.Count == 1 ? "age limit" : "minimum age");
            cursor--;
        }

        var criteriaLines = page.Lines.Skip(inclusion).Take(cursor - inclusion + 1).ToList();
        ignored.MarkCriteria(page[inclusion].Number, page[cursor].Number);

        // A single age line is the minimum: the registry omits an unbounded maximum, rarely an unbounded minimum.
        double? minAge = ages.Count > 0 ? ages[0] : null;
        double? maxAge = ages.Count > 1 ? ages[1] : null;

        return new EligibilityFacts(criteriaLines, healthy, sex, minAge, maxAge);
    }
}
