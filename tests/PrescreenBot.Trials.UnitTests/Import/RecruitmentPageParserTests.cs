using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Import;

public sealed class RecruitmentPageParserTests
{
    [Fact]
    public void Import_Nct07318259_ReadsFactsWithoutAnUpperAgeBound()
    {
        var set = Seeds.Derive(Seeds.Nct07318259);
        var trial = set.Trial;

        set.Layout.Should().Be(SourceLayouts.RecruitmentPage);
        trial.Id.Should().Be("NCT07318259");
        trial.Title.Should().Be("Study of Ultra-Fast BCMA/CD70 CAR-T Therapy for Refractory SLE");
        trial.OverallStatus.Should().Be(TrialStatuses.Recruiting);
        trial.Phase.Should().Be("PHASE1");
        trial.MinAgeYears.Should().Be(18);
        trial.MaxAgeYears.Should().BeNull();
        trial.Sex.Should().Be(Sexes.All);
        trial.Enrollment.Should().BeNull("the page does not say");
        trial.Sponsor.Should().Be("Chongqing Precision Biotech Co., Ltd");
        trial.Conditions.Should().Equal("Systemic Lupus Erythematosus");
        trial.Sites.Should().BeEmpty();
        trial.Contacts.Should().BeEmpty();
    }

    [Fact]
    public void Import_Nct07318259_LeavesTheUnnamedDateOutWithAReason()
    {
        var set = Seeds.Derive(Seeds.Nct07318259);

        set.Trial.StartDate.Should().BeNull();
        set.Ignored.Should().Contain(i => i.Text == "31 January 2026" && i.Reason.Contains("does not name"));
    }
}
