using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Import;

// Reading a section's body: shared by every part of the page that is a heading followed by lines.
internal static partial class RegistryPageParser
{
    [GeneratedRegex(@"^Role:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

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
