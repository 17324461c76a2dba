using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>
/// Finds the disease cohorts of multi-disease trials: two-level numbering ("2.", "2.1.", "2.2.", …) where each
/// first-level number is a cohort, or top-level inclusion items that open with "Subjects with …" / "Refractory …".
/// Criteria under a cohort heading belong to that cohort; exclusions and the other inclusions apply to all.
/// </summary>
internal static partial class CohortFinder
{
    /// <summary>Fewer than this many candidate headings is one population, not cohorts.</summary>
    private const int MinimumCohorts = 2;

    [GeneratedRegex(@"^(?:(?:subjects|patients|participants)\s+with\s+(?:refractory\s+|relapsed\s+)?|refractory\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex CohortHeading();

    public static IReadOnlyList<Cohort> Assign(IReadOnlyList<RawCriterion> items, List<Flag> flags)
    {
        var inclusion = items.Where(i => i.Kind == CriterionKind.Inclusion).ToList();
        var majors = inclusion.Where(i => i.Marker.Style == MarkerStyle.Dotted).Select(i => i.Marker.Major).Distinct().Order().ToList();
        if (majors.Count >= MinimumCohorts)
        {
            return ByDottedNumbering(inclusion, majors, flags);
        }

        var headings = inclusion.Where(i => i.Parent is null && CohortHeading().IsMatch(i.Text)).ToList();
        if (headings.Count >= MinimumCohorts)
        {
            var cohorts = new List<Cohort>();
            foreach (var heading in headings)
            {
                var key = HeadingKey(heading, cohorts, flags);
                heading.IsCohortHeading = true;
                foreach (var item in inclusion.Where(i => i == heading || IsUnder(i, heading)))
                {
                    item.Cohort = key;
                }

                cohorts.Add(new Cohort { Key = key, Title = Title(heading.Text) });
            }

            return cohorts;
        }

        return [];
    }

    /// <summary>
    /// The heading's number as written, or its position when it has none or the number is already taken: a
    /// repeated cohort number is a copy-and-paste slip in the record, so it is flagged rather than merged.
    /// </summary>
    private static string HeadingKey(RawCriterion heading, List<Cohort> cohorts, List<Flag> flags)
    {
        var positional = $"c{(cohorts.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        if (heading.Marker.Number <= 0)
        {
            return positional;
        }

        var number = heading.Marker.Number.ToString(CultureInfo.InvariantCulture);
        if (cohorts.All(c => c.Key != number))
        {
            return number;
        }

        flags.Add(new Flag
        {
            Code = FlagCodes.DuplicateCohortNumber,
            Message = $"Cohort number {number} is used by more than one cohort heading (\"{Title(heading.Text)}\"); they are kept apart. Check the source.",
            CriterionId = heading.Id,
        });
        return positional;
    }

    private static List<Cohort> ByDottedNumbering(List<RawCriterion> inclusion, List<int> majors, List<Flag> flags)
    {
        var cohorts = new List<Cohort>();
        foreach (var major in majors)
        {
            var key = major.ToString(CultureInfo.InvariantCulture);
            var heading = inclusion.FirstOrDefault(i => i.Parent is null && i.Marker.Style == MarkerStyle.Number && i.Marker.Number == major);
            var members = inclusion.Where(i => (i.Marker.Style == MarkerStyle.Dotted && i.Marker.Major == major) || i == heading).ToList();
            foreach (var item in inclusion.Where(i => members.Contains(i) || members.Any(m => IsUnder(i, m))))
            {
                item.Cohort = key;
            }

            if (heading is not null)
            {
                heading.IsCohortHeading = true;
            }
            else
            {
                var first = members.FirstOrDefault();
                flags.Add(new Flag
                {
                    Code = FlagCodes.MissingCohortHeading,
                    Message = $"Cohort {key} has no heading (its items start at {first?.Marker.Written ?? key + "."}); the disease is inferred from its criteria. Check the source.",
                    CriterionId = first?.Id,
                });
            }

            cohorts.Add(new Cohort { Key = key, Title = heading is null ? null : Title(heading.Text) });
        }

        return cohorts;
    }

    private static bool IsUnder(RawCriterion item, RawCriterion ancestor)
    {
        for (var p = item.Parent; p is not null; p = p.Parent)
        {
            if (p == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The heading up to its first colon, which is where the cohort's definition starts.</summary>
    private static string Title(string text)
    {
        var colon = text.IndexOfAny([':', '：']);
        var title = (colon > 0 ? text[..colon] : text).Trim().TrimEnd(';', '.', ',');
        return title.Length > 120 ? title[..120] + "…" : title;
    }
}
