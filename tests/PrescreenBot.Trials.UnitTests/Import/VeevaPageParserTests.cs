using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Import;

public sealed class VeevaPageParserTests
{
    [Fact]
    public void Import_ZhejiangPage_UsesAStableSlugBecauseThePageHasNoIds()
    {
        var trial = Seeds.Derive(Seeds.Zhejiang).Trial;

        trial.Id.Should().Be(Seeds.ZhejiangId);
        trial.IdKind.Should().Be(TrialIdKind.Slug);
        trial.NctId.Should().BeNull();
        trial.OrgStudyId.Should().BeNull();
        Seeds.Derive(Seeds.Zhejiang).Trial.Id.Should().Be(trial.Id, "the slug is stable across derivations");
    }

    [Fact]
    public void Import_ZhejiangPage_ReadsFactsAndAdmitsChildrenFromFive()
    {
        var trial = Seeds.Derive(Seeds.Zhejiang).Trial;

        trial.Title.Should().Be("Efficacy and Safety of CD19 UCAR T Cells in Refractory Systemic Lupus Erythematosus (SLE)");
        trial.OverallStatus.Should().Be(TrialStatuses.Recruiting, "the page says \"Enrolling\"");
        trial.Phase.Should().Be("PHASE1");
        trial.Enrollment.Should().Be(18);
        trial.MinAgeYears.Should().Be(5);
        trial.MaxAgeYears.Should().BeNull("\"5+ years old\" has no upper bound");
        trial.Sex.Should().Be(Sexes.All);
        trial.HealthyVolunteers.Should().BeFalse();
        trial.Conditions.Should().Equal("Systemic Lupus Erythematosus");
        trial.Sponsor.Should().Be("Zhejiang University");
        trial.Sites.Should().BeEmpty();
        trial.Contacts.Select(c => c.Name).Should().Equal("Xue He", "Jianhua Mao, Prof");
    }

    [Fact]
    public void Detect_VeevaPage_IsCertain()
    {
        LayoutDetector.Detect(Seeds.Text(Seeds.Zhejiang)).Should().BeEquivalentTo(new { Layout = SourceLayouts.VeevaPage, Certain = true });
    }
}
