using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Import;

public sealed class RegistryPageParserTests
{
    [Fact]
    public void Import_Nct07339332_ReadsStructuredFacts()
    {
        var trial = Seeds.Derive(Seeds.Nct07339332).Trial;

        trial.Id.Should().Be("NCT07339332");
        trial.IdKind.Should().Be(TrialIdKind.NctId);
        trial.OrgStudyId.Should().Be("CT1195E-CG11009");
        trial.OverallStatus.Should().Be(TrialStatuses.Recruiting);
        trial.Phase.Should().Be("EARLY_PHASE1");
        trial.Enrollment.Should().Be(12);
        trial.StartDate.Should().Be(new DateOnly(2026, 1, 16));
        trial.CompletionDate.Should().Be(new DateOnly(2027, 12, 31));
        trial.MinAgeYears.Should().Be(18);
        trial.MaxAgeYears.Should().Be(65);
        trial.Sex.Should().Be(Sexes.All);
        trial.HealthyVolunteers.Should().BeFalse();
        trial.Sponsor.Should().Be("CARsgen Therapeutics Co., Ltd.");
        trial.Sites.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "Wuhan Union Hospita", City = "Wuhan", State = "Hubei", Country = "China" });
        trial.Contacts.Should().ContainSingle(c => c.Name == "Qiubai Li" && c.Role == "RESPONSIBLE_PARTY");
    }

    [Fact]
    public void Import_Nct07161193_ReadsNotYetRecruitingTrialWithInvestigator()
    {
        var trial = Seeds.Derive(Seeds.Nct07161193).Trial;

        trial.Id.Should().Be("NCT07161193");
        trial.OverallStatus.Should().Be(TrialStatuses.NotYetRecruiting);
        trial.Phase.Should().Be("PHASE1/PHASE2");
        trial.Enrollment.Should().Be(30);
        trial.MinAgeYears.Should().Be(18);
        trial.MaxAgeYears.Should().Be(70);
        trial.OrgStudyId.Should().Be("L2025021-2");
        trial.Contacts.Should().ContainSingle(c => c.Name == "Huirui Wang, M.D." && c.Role == "PRINCIPAL_INVESTIGATOR");
        trial.Sites.Should().ContainSingle().Which.City.Should().Be("Luoyang");
    }

    [Fact]
    public void Import_Nct06316791_AttachesFacilityContactsToTheSite()
    {
        var trial = Seeds.Derive(Seeds.Nct06316791).Trial;

        trial.Id.Should().Be("NCT06316791");
        trial.OverallStatus.Should().Be(TrialStatuses.Recruiting);
        trial.Enrollment.Should().Be(24);
        trial.CompletionDate.Should().Be(new DateOnly(2025, 12, 13));
        trial.MinAgeYears.Should().Be(18);
        trial.MaxAgeYears.Should().Be(70);
        var site = trial.Sites.Should().ContainSingle().Subject;
        site.Name.Should().Be("The First Affiliated Hospital of Zhengzhou University");
        site.City.Should().Be("Zhengzhou");
        site.Contacts.Select(c => (c.Name, c.Role)).Should().Equal(("Yi Zhang, Dr.", "primary"), ("Shengyun Liu, Dr.", "backup"));
        trial.Contacts.Where(c => c.Role == "PRINCIPAL_INVESTIGATOR").Select(c => c.Name).Should().Equal("Yi Zhang", "Shengyun Liu");
    }

    [Fact]
    public void Import_RegistryPage_EveryLineOutsideTheCriteriaIsIgnoredWithAReason()
    {
        var set = Seeds.Derive(Seeds.Nct07339332);

        set.Ignored.Should().Contain(i => i.Reason == "parsed into trial facts: NCT id" && i.Text.Contains("NCT07339332"));
        set.Ignored.Should().Contain(i => i.Reason.StartsWith("page navigation") && i.Text.Contains("Brief Summary"));
        set.Ignored.Should().OnlyContain(i => i.Reason.Length > 0);
    }

    [Fact]
    public void Detect_RegistryPage_IsCertain()
    {
        var detection = LayoutDetector.Detect(Seeds.Text(Seeds.Nct07161193));

        detection.Layout.Should().Be(SourceLayouts.RegistryPage);
        detection.Certain.Should().BeTrue();
    }
}
