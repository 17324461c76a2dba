using System.Text;

namespace PrescreenBot.Trials.Import;

/// <summary>Chooses a trial's id: NCT id, else the organisation's study id, else a stable slug.</summary>
public static class TrialIds
{
    /// <summary>Slugs are cut at a word boundary near this length so file names stay readable.</summary>
    private const int MaxSlugLength = 60;

    public static (string Id, TrialIdKind Kind) Choose(string? nctId, string? orgStudyId, string? sponsor, string title, string sourceName)
    {
        if (!string.IsNullOrWhiteSpace(nctId))
        {
            return (nctId.Trim().ToUpperInvariant(), TrialIdKind.NctId);
        }

        if (!string.IsNullOrWhiteSpace(orgStudyId))
        {
            var org = Slug(orgStudyId, keepCase: true);
            if (org.Length > 0)
            {
                return (org, TrialIdKind.OrgStudyId);
            }
        }

        var basis = string.Join(' ', new[] { sponsor, title }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var slug = Slug(basis.Length > 0 ? basis : Path.GetFileNameWithoutExtension(sourceName), keepCase: false);
        return (slug.Length > 0 ? slug : "trial", TrialIdKind.Slug);
    }

    /// <summary>Lower-case ASCII letters, digits and single dashes, cut at a word boundary.</summary>
    public static string Slug(string text, bool keepCase = false)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(keepCase ? c : char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-' && (char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.' or ':' or ','))
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > 0 ? cut : MaxSlugLength)];
        }

        return slug;
    }
}
