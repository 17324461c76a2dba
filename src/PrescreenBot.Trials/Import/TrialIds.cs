using System.Text;
using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Import;

/// <summary>
/// Chooses a trial's id: a valid NCT id, else the organisation's study id, else a stable slug. Every id chosen is safe as a
/// file name (<c>dialogs/&lt;id&gt;.yaml</c>): ASCII letters, digits and dashes only.
/// </summary>
public static partial class TrialIds
{
    /// <summary>Slugs are cut at a word boundary near this length so file names stay readable.</summary>
    private const int MaxSlugLength = 60;

    /// <summary>The slug of last resort, when neither the sponsor, the title nor the file name gives a letter or digit.</summary>
    private const string FallbackSlug = "trial";

    /// <summary>Longest invalid value quoted in a flag: enough to recognise it, not a whole pasted paragraph.</summary>
    private const int MaxQuotedLength = 80;

    [GeneratedRegex(@"^NCT\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex NctFormat();

    /// <summary>The NCT id in its canonical form (<c>NCT</c> + 8 digits, upper case) when <paramref name="value"/> is one; else null.</summary>
    public static string? NormalizeNctId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var candidate = value.Trim().ToUpperInvariant();
        return NctFormat().IsMatch(candidate) ? candidate : null;
    }

    /// <summary>True when <paramref name="id"/> can name a file in any folder: ASCII letters, digits, '-' and '_' only (so no separator, no "..").</summary>
    public static bool IsFileNameSafe(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static TrialIdChoice Choose(string? nctId, string? orgStudyId, string? sponsor, string title, string sourceName)
    {
        if (NormalizeNctId(nctId) is { } nct)
        {
            return new TrialIdChoice(nct, TrialIdKind.NctId, nct, []);
        }

        var (id, kind) = Fallback(orgStudyId, sponsor, title, sourceName);
        if (string.IsNullOrWhiteSpace(nctId))
        {
            return new TrialIdChoice(id, kind, null, []);
        }

        var used = kind == TrialIdKind.OrgStudyId ? $"the sponsor's study id '{id}'" : $"the slug '{id}'";
        var flag = new Flag
        {
            Code = FlagCodes.NoNctId,
            Message = $"The record's NCT id \"{Quote(nctId)}\" is not valid (an NCT id is \"NCT\" followed by 8 digits), so it is not used; "
                + $"{used} is used instead. Look the trial up on ClinicalTrials.gov and correct the id.",
        };
        return new TrialIdChoice(id, kind, null, [flag]);
    }

    /// <summary>Lower-case ASCII letters, digits and single dashes, cut at a word boundary.</summary>
    public static string Slug(string text, bool keepCase = false)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    private static (string Id, TrialIdKind Kind) Fallback(string? orgStudyId, string? sponsor, string title, string sourceName)
    {
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
        return (slug.Length > 0 ? slug : FallbackSlug, TrialIdKind.Slug);
    }

    /// <summary>The invalid value as written, on one line and bounded, so the flag names it without carrying a whole paragraph.</summary>
    private static string Quote(string value)
    {
        var oneLine = string.Join(' ', value.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxQuotedLength ? oneLine : oneLine[..MaxQuotedLength] + "…";
    }
}
