using System.Text;
using PrescreenBot.Trials.Derivation;
using PrescreenBot.Trials.Import;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Import;

public sealed class CtGovJsonParserTests
{
    private static string Fixture => File.ReadAllText(Path.Combine(Seeds.RepoRoot, "tests", "PrescreenBot.Trials.UnitTests", "Fixtures", "ctgov-v2-study.json"));

    [Fact]
    public void Derive_V2StudyJson_ReadsStructuredFacts()
    {
        var set = TrialDeriver.Derive(Fixture, "ctgov-v2-study.json", Seeds.Today).Single();
        var trial = set.Trial;

        set.Layout.Should().Be(SourceLayouts.CtGovJson);
        trial.Id.Should().Be("NCT09990001");
        trial.OrgStudyId.Should().Be("FIX-2026-01");
        trial.Title.Should().Be("Fixture Study of CD19 CAR-T Cells in Lupus Nephritis");
        trial.OverallStatus.Should().Be(TrialStatuses.Recruiting);
        trial.Phase.Should().Be("PHASE1/PHASE2");
        trial.Enrollment.Should().Be(40);
        trial.StartDate.Should().Be(new DateOnly(2026, 2, 1));
        trial.CompletionDate.Should().Be(new DateOnly(2028, 1, 31));
        trial.Sex.Should().Be(Sexes.Female);
        trial.MinAgeYears.Should().Be(12);
        trial.MaxAgeYears.Should().BeNull("maximumAge is absent when unbounded");
        trial.HealthyVolunteers.Should().BeFalse();
        trial.Conditions.Should().Equal("Lupus Nephritis", "Systemic Lupus Erythematosus");
        trial.ConditionKeys.Should().Contain([ConditionKeys.LupusNephritis, ConditionKeys.Sle]);
        trial.Contacts.Should().Contain(c => c.Name == "Fixture Study Desk" && c.Phone == "+1 555 0100" && c.Email == "desk@example.org");
        trial.Sites.Should().HaveCount(2);
        trial.Sites[0].Should().BeEquivalentTo(new { Name = "Fixture University Hospital", City = "Shanghai", Country = "China", Status = TrialStatuses.Recruiting });
        trial.Sites[0].Contacts.Should().ContainSingle(c => c.Email == "site@example.org");
        trial.Sites[1].Status.Should().Be(TrialStatuses.NotYetRecruiting, "each site keeps its own status");
    }

    [Fact]
    public void Derive_V2StudyJson_UnescapesCriteriaAndDerivesQuestions()
    {
        var set = TrialDeriver.Derive(Fixture, "ctgov-v2-study.json", Seeds.Today).Single();

        set.Criteria.Should().Contain(c => c.Text == "eGFR > 30 mL/min/1.73m2" && c.AnswerableBy == AnswerableBy.Site);
        set.Criteria.Should().Contain(c => c.Text == "Platelets < 50 x 10^9/L");
        set.Criteria.Should().Contain(c => c.Kind == CriterionKind.Exclusion && c.Questions.Any(q => q.Key == QuestionKeys.PriorCarT));
        set.Criteria.Should().Contain(c => c.Questions.Any(q => q.Key == QuestionKeys.LiveVaccine && q.WindowDays == 28));
        set.Criteria.Single(c => c.Id == "sex").Questions.Single().Disqualifying.AllowedChoices.Should().Equal("female");
        set.Criteria.Single(c => c.Id == "age").Questions.Single().Disqualifying.Min.Should().Be(12);
        set.Criteria.Where(c => c.Id.StartsWith("in-", StringComparison.Ordinal)).Should().HaveCount(4);
        set.Criteria.Where(c => c.Id.StartsWith("ex-", StringComparison.Ordinal)).Should().HaveCount(5);
    }

    [Fact]
    public void Derive_PageOfStudies_DerivesEachStudy()
    {
        var second = Fixture.Replace("NCT09990001", "NCT09990002", StringComparison.Ordinal);
        var page = "{\"studies\": [" + Fixture + "," + second + "]}";

        var sets = TrialDeriver.Derive(page, "page.json", Seeds.Today);

        sets.Select(s => s.Trial.Id).Should().Equal("NCT09990001", "NCT09990002");
    }

    [Theory]
    [InlineData("nct09990001", "NCT09990001")]
    [InlineData(" NCT09990001 ", "NCT09990001")]
    public void Derive_NctIdInAnyCase_IsNormalisedUpperCase(string written, string expected)
    {
        var json = Fixture.Replace("\"NCT09990001\"", $"\"{written}\"", StringComparison.Ordinal);

        var set = TrialDeriver.Derive(json, "lower.json", Seeds.Today).Single();

        set.Trial.Id.Should().Be(expected);
        set.Trial.NctId.Should().Be(expected);
        set.Flags.Should().NotContain(f => f.Code == FlagCodes.NoNctId);
    }

    [Theory]
    [InlineData("NCT0999")]
    [InlineData("../../dialogs/evil")]
    [InlineData("NCT09990001 (old)")]
    public void Derive_InvalidNctId_FallsBackToTheOrgStudyIdWithOneFlagNamingTheValue(string written)
    {
        var json = Fixture.Replace("\"NCT09990001\"", $"\"{written}\"", StringComparison.Ordinal);

        var set = TrialDeriver.Derive(json, "invalid-id.json", Seeds.Today).Single();

        set.Trial.Id.Should().Be("FIX-2026-01");
        set.Trial.IdKind.Should().Be(TrialIdKind.OrgStudyId);
        set.Trial.NctId.Should().BeNull();
        TrialIds.IsFileNameSafe(set.Trial.Id).Should().BeTrue();
        var flag = set.Flags.Should().ContainSingle(f => f.Code == FlagCodes.NoNctId).Subject;
        flag.Message.Should().Contain($"\"{written}\"").And.Contain("FIX-2026-01");
    }

    [Fact]
    public void Derive_InvalidNctIdAndNoOrgStudyId_FallsBackToTheSlug()
    {
        var json = Fixture.Replace("\"NCT09990001\"", "\"NCT/../x\"", StringComparison.Ordinal)
            .Replace("\"FIX-2026-01\"", "\"\"", StringComparison.Ordinal);

        var set = TrialDeriver.Derive(json, "invalid-id.json", Seeds.Today).Single();

        set.Trial.IdKind.Should().Be(TrialIdKind.Slug);
        TrialIds.IsFileNameSafe(set.Trial.Id).Should().BeTrue();
        set.Flags.Should().ContainSingle(f => f.Code == FlagCodes.NoNctId).Which.Message.Should().Contain("\"NCT/../x\"").And.Contain("slug");
    }

    [Fact]
    public void Derive_TruncatedJson_ThrowsNamingTheFile()
    {
        var truncated = Fixture[..(Fixture.Length / 2)];

        var act = () => TrialDeriver.Derive(truncated, "broken.json", Seeds.Today);

        act.Should().Throw<ImportException>().Where(e => e.SourceName == "broken.json" && e.Message.StartsWith("broken.json: invalid or truncated JSON"));
    }

    [Fact]
    public void Derive_StudyWithoutCriteria_ThrowsSayingWhatIsMissing()
    {
        var json = "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT09990003\"}}}";

        var act = () => TrialDeriver.Derive(Encoding.UTF8.GetBytes(json), "no-criteria.json", Seeds.Today);

        act.Should().Throw<ImportException>().WithMessage("no-criteria.json: no eligibility criteria*eligibilityCriteria*");
    }
}
