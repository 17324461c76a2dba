namespace PrescreenBot.Trials.UnitTests.Flags;

public sealed class FlagTests
{
    private static IEnumerable<Flag> Flags(string file, string code) => Seeds.Derive(file).Flags.Where(f => f.Code == code);

    [Fact]
    public void Derive_Nct07339332_FlagsInclusionThresholdsUnderTheExclusionHeading()
    {
        Flags(Seeds.Nct07339332, FlagCodes.InclusionUnderExclusion).Select(f => f.CriterionId).Should().BeEquivalentTo(["ex-4", "ex-5", "ex-6"]);
        Flags(Seeds.Nct07339332, FlagCodes.NumberingGap).Should().Contain(f => f.CriterionId == "ex-4" && f.Message.Contains("2–3"));
    }

    [Fact]
    public void Derive_Nct07339332_FlagsTheReverseItemUnderTheInclusionHeading()
    {
        Flags(Seeds.Nct07339332, FlagCodes.ExclusionUnderInclusion).Should().ContainSingle(f => f.CriterionId == "in-2");
    }

    [Fact]
    public void Derive_Nct07339332_FlagsThePermissionAndTheDoubleNegative()
    {
        Flags(Seeds.Nct07339332, FlagCodes.PermissionUnderExclusion).Should().ContainSingle(f => f.CriterionId == "ex-17");
        Flags(Seeds.Nct07339332, FlagCodes.DoubleNegative).Should().ContainSingle(f => f.CriterionId == "ex-13");
        Seeds.Derive(Seeds.Nct07339332).Criterion("ex-17").Questions.Should().BeEmpty("a permission excludes no one");
    }

    [Fact]
    public void Derive_Nct07339332_FlagsTheMistranslations()
    {
        var flags = Flags(Seeds.Nct07339332, FlagCodes.GarbledTerm).ToList();

        flags.Should().Contain(f => f.CriterionId == "in-3" && f.Message.Contains("self-cleaning") && f.Message.Contains("lymphodepletion"));
        flags.Should().Contain(f => f.CriterionId == "in-6" && f.Message.Contains("hormone therapy"));
        flags.Should().Contain(f => f.CriterionId == "ex-7" && f.Message.Contains("hormone treatment"));
    }

    [Fact]
    public void Derive_Zhejiang_FlagsMissingIdMissingSitesAndGarbledTerms()
    {
        Flags(Seeds.Zhejiang, FlagCodes.NoNctId).Should().ContainSingle().Which.Message.Should().Contain(Seeds.ZhejiangId);
        Flags(Seeds.Zhejiang, FlagCodes.NoSites).Should().ContainSingle().Which.Message.Should().Contain("Loading...");
        Flags(Seeds.Zhejiang, FlagCodes.GarbledTerm).Should().Contain(f => f.CriterionId == "in-4" && f.Message.Contains("Asparagus cochinchinensis") && f.Message.Contains("aspartate aminotransferase"));
        Flags(Seeds.Zhejiang, FlagCodes.GarbledTerm).Should().Contain(f => f.CriterionId == "in-2" && f.Message.Contains("Beliumab"));
    }

    [Fact]
    public void Derive_Nct07161193_FlagsNotYetRecruitingGapsAndTheLostCohortHeading()
    {
        Flags(Seeds.Nct07161193, FlagCodes.NotYetRecruiting).Should().ContainSingle();
        Flags(Seeds.Nct07161193, FlagCodes.NumberingGap).Select(f => f.CriterionId).Should().BeEquivalentTo(["in-1.5", "ex-2"]);
        Flags(Seeds.Nct07161193, FlagCodes.MissingCohortHeading).Should().ContainSingle(f => f.CriterionId == "in-1.5");
        Flags(Seeds.Nct07161193, FlagCodes.NoContacts).Should().ContainSingle();
    }

    [Fact]
    public void Derive_Nct06316791_FlagsTheStaleStatusAndNumberingGaps()
    {
        Flags(Seeds.Nct06316791, FlagCodes.StaleStatus).Should().ContainSingle().Which.Message.Should().Contain("2025-12-13");
        Flags(Seeds.Nct06316791, FlagCodes.NumberingGap).Select(f => f.CriterionId).Should().BeEquivalentTo(["in-2", "ex-2"]);
        Flags(Seeds.Nct06316791, FlagCodes.GarbledTerm).Should().Contain(f => f.Message.Contains("109/L"));
        Flags(Seeds.Nct06316791, FlagCodes.NoContacts).Should().BeEmpty("the site lists its contacts");
    }

    [Fact]
    public void Derive_Nct07318259_FlagsThePlaceholderAndMissingSitesAndContacts()
    {
        Flags(Seeds.Nct07318259, FlagCodes.TemplatePlaceholder).Should().ContainSingle().Which.Message.Should().Contain("{{SITE_NAME}}");
        Flags(Seeds.Nct07318259, FlagCodes.NoSites).Should().ContainSingle();
        Flags(Seeds.Nct07318259, FlagCodes.NoContacts).Should().ContainSingle();
    }

    [Fact]
    public void Derive_RecruitingTrialWithFutureCompletion_IsNotStale()
    {
        Flags(Seeds.Nct07339332, FlagCodes.StaleStatus).Should().BeEmpty();
    }
}
