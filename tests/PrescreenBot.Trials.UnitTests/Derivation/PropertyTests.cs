using FsCheck;
using FsCheck.Fluent;
using PrescreenBot.Trials.Criteria;
using PrescreenBot.Trials.Derivation;
using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Derivation;

public sealed class PropertyTests
{
    /// <summary>Lines that exercise every layout's landmarks, markers and facts, mixed with arbitrary text.</summary>
    private static readonly string[] Vocabulary =
    [
        "Inclusion Criteria", "Exclusion Criteria", "Inclusion Criteria:", "Exclusion criteria", "Eligibility Criteria", "Eligibility",
        "NCT ID: NCT01234567", "Basic Information", "RECRUITING", "PHASE1/PHASE2", "12 participants", "2025-01-01", "Sponsors",
        "Responsible Party", "Principal Investigators", "Role: PRINCIPAL_INVESTIGATOR", "Locations", "Wuhan, Hubei, China", "Countries",
        "Central Contacts", "Facility Contacts", "Other Identifiers", "Identifier Source: org_study_id", "18 Years", "65 Years", "ALL", "No",
        "ClinicalTrials.Veeva", "Menu", "Status and phase", "Enrolling", "Phase 1", "Conditions", "Enrollment", "Sex", "Ages", "5+ years old",
        "Volunteers", "Trial design", "Trial contacts and locations", "1", "Loading...", "Central trial contact", "Identifiers",
        "Image", "Powered by AI", "Study details", "18 years and older",
        "* Prior CAR-T cell therapy", "• Age ≥ 18 years", "1. HIV positive", "2.Refractory RA 2.1.Age 18-70. 2.2.Diagnosis.", "1.5.Consent",
        "(2) Pregnant. (3) TB within 3 years.", "  continuation text", "Adequate organ function:", "4. Lung function: SpO2 ≥92%",
        "Screen for the absence of infection", "prednisone 10 mg is allowed", "{{SITE_NAME}}", "\\> 3x ULN \\* note", "", "   ",
    ];

    private static Gen<string> Lines() =>
        Gen.OneOf(Gen.Elements(Vocabulary), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty))
            .ListOf()
            .Select(lines => string.Join('\n', lines));

    [Fact]
    public void Derive_ArbitraryText_NeverThrowsAnythingButAClearImportError()
    {
        Prop.ForAll(Arb.From(Lines()), text =>
        {
            try
            {
                TrialDeriver.Derive(text, "arbitrary.txt", Seeds.Today);
                return true;
            }
            catch (ImportException e)
            {
                return e.SourceName == "arbitrary.txt" && e.Problem.Length > 0;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Derive_ArbitraryText_NeverLosesALine()
    {
        Prop.ForAll(Arb.From(Lines()), text =>
        {
            IReadOnlyList<TrialQuestionSet> sets;
            try
            {
                sets = TrialDeriver.Derive(text, "arbitrary.txt", Seeds.Today);
            }
            catch (ImportException)
            {
                return true;
            }

            var set = sets.Single();
            foreach (var line in SourceLine.Split(text).Where(l => !l.IsBlank))
            {
                var covering = set.Criteria.Where(c => c.Source is { } s && s.StartLine <= line.Number && line.Number <= s.EndLine)
                    .Select(c => (c.Number ?? string.Empty) + c.Text)
                    .Concat(set.Ignored.Where(i => i.Source.StartLine <= line.Number && line.Number <= i.Source.EndLine).Select(i => i.Text));
                var all = Compact(string.Concat(covering));
                if (!IsSubsequence(Compact(MarkdownText.Unescape(line.Text)), all))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Segment_ArbitraryCriteriaLines_NeverLosesALine()
    {
        Prop.ForAll(Arb.From(Lines()), text =>
        {
            var lines = SourceLine.Split("Inclusion Criteria\n" + text);
            var result = Segmenter.Segment(lines);
            return lines.Where(l => !l.IsBlank).All(l =>
                result.Criteria.Any(c => c.StartLine <= l.Number && l.Number <= c.EndLine)
                || result.Ignored.Any(i => i.Source.StartLine <= l.Number && l.Number <= i.Source.EndLine));
        }).QuickCheckThrowOnFailure();
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsSubsequence(string part, string whole)
    {
        var j = 0;
        foreach (var c in part)
        {
            j = whole.IndexOf(c, j);
            if (j < 0)
            {
                return false;
            }

            j++;
        }

        return true;
    }
}
