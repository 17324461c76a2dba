using PrescreenBot.Trials.Criteria;
using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Criteria;

public sealed class SegmenterTests
{
    private static Segmentation Segment(string text) => Segmenter.Segment(SourceLine.Split(text));

    [Fact]
    public void Segment_BulletsWithContinuationLine_JoinsTheContinuation()
    {
        var result = Segment("Inclusion Criteria\n* First item\nstill the first item\n* Second item");

        result.Criteria.Select(c => (c.Id, c.Text, c.StartLine, c.EndLine)).Should().Equal(
            ("in-1", "First item\nstill the first item", 2, 3),
            ("in-2", "Second item", 4, 4));
    }

    [Fact]
    public void Segment_IndentedMarkdownSubBullets_AreChildrenOfTheBulletAbove()
    {
        var result = Segment("Inclusion Criteria:\n\n* Adequate organ function:\n  * ALT < 3x ULN\n  * eGFR > 30\n* Age 18 or older");

        result.Criteria.Select(c => (c.Id, c.Parent?.Id)).Should().Equal(
            ("in-1", null), ("in-1.1", "in-1"), ("in-1.2", "in-1"), ("in-2", null));
    }

    [Fact]
    public void Segment_NumberedListRestartingUnderAnItem_NestsTheRestartedItems()
    {
        var result = Segment("Inclusion Criteria\n2. Age\n3. Cohort heading\n1. First sub-item\n2. Second sub-item\n4. Next item");

        result.Criteria.Select(c => (c.Id, c.Parent?.Id)).Should().Equal(
            ("in-2", null), ("in-3", null), ("in-3.1", "in-3"), ("in-3.2", "in-3"), ("in-4", null));
        result.Flags.Should().ContainSingle(f => f.Code == FlagCodes.NumberingGap).Which.Message.Should().Contain("item 1 is missing");
    }

    [Fact]
    public void Segment_ItemsRunTogetherOnOneLine_SplitsAtTheExpectedNextNumber()
    {
        var result = Segment("Exclusion Criteria\n(2) Pregnant. (3) History of TB (1) not a list item.\n(4) Other");

        result.Criteria.Select(c => (c.Id, c.Text)).Should().Equal(
            ("ex-2", "Pregnant."), ("ex-3", "History of TB (1) not a list item."), ("ex-4", "Other"));
    }

    [Fact]
    public void Segment_TwoLevelNumbering_MakesCohortsAndSplitsRunTogetherItems()
    {
        var result = Segment("Inclusion Criteria\n1.1.Age 18-70.\n1.2.SLE diagnosis.\n2.Refractory rheumatoid arthritis 2.1.Age 18-70. 2.2.RA diagnosis.");

        result.Cohorts.Select(c => (c.Key, c.Title)).Should().Equal(("1", null), ("2", "Refractory rheumatoid arthritis"));
        result.Criteria.Select(c => (c.Id, c.Cohort)).Should().Equal(("in-1.1", "1"), ("in-1.2", "1"), ("in-2", "2"), ("in-2.1", "2"), ("in-2.2", "2"));
        result.Flags.Should().Contain(f => f.Code == FlagCodes.MissingCohortHeading && f.CriterionId == "in-1.1");
    }

    [Fact]
    public void Segment_CohortHeadingNumberRepeated_KeepsTheCohortsApartAndFlagsIt()
    {
        var result = Segment("Inclusion Criteria\n2. Refractory RA: age 18-70\n2. Refractory SSc: age 18-70");

        result.Cohorts.Select(c => c.Key).Should().OnlyHaveUniqueItems().And.HaveCount(2);
        result.Criteria.Select(c => c.Cohort).Should().OnlyHaveUniqueItems();
        result.Flags.Should().ContainSingle(f => f.Code == FlagCodes.DuplicateCohortNumber).Which.Message.Should().Contain("Refractory SSc");
    }

    [Fact]
    public void Segment_NumberedListContinuingUnderTheOtherHeading_FlagsIt()
    {
        var result = Segment("Inclusion Criteria\n* Adequate organ function:\n1. Renal\nExclusion Criteria\n4. Coagulation: INR ≤1.5\n* Pregnant");

        result.Criteria.Select(c => c.Id).Should().Equal("in-1", "in-1.1", "ex-4", "ex-5");
        result.Flags.Should().Contain(f => f.Code == FlagCodes.InclusionUnderExclusion && f.CriterionId == "ex-4");
        result.Flags.Should().Contain(f => f.Code == FlagCodes.NumberingGap && f.Message.Contains("2–3"));
    }

    [Fact]
    public void Segment_Nct07161193_FindsSevenCohortsAndTheMissingFirstHeading()
    {
        var set = Seeds.Derive(Seeds.Nct07161193);

        set.Cohorts.Select(c => c.Key).Should().Equal("1", "2", "3", "4", "5", "6", "7");
        set.Cohorts[0].Title.Should().BeNull();
        set.Cohorts.Select(c => c.ConditionKeys.Single()).Should().Equal("sle", "myositis", "systemic-sclerosis", "pemphigus", "psoriasis", "ra", "anca-vasculitis");
        set.Criterion("in-6.8").Cohort.Should().Be("6");
        set.Criterion("in-4.7.2").ParentId.Should().Be("in-4.7");
        set.Criteria.Where(c => c.Kind == CriterionKind.Exclusion).Should().OnlyContain(c => c.Cohort == null);
        set.Criteria.Where(c => c.Kind == CriterionKind.Exclusion).Select(c => c.Number).Should().StartWith(["(2)", "(3)", "(4)"]);
    }

    [Fact]
    public void Segment_Nct06316791_FindsThreeCohortsWithNestedItems()
    {
        var set = Seeds.Derive(Seeds.Nct06316791);

        set.Cohorts.Select(c => c.Key).Should().Equal("3", "4", "5");
        set.Cohorts[0].ConditionKeys.Should().Contain(["sle", "lupus-nephritis"]);
        set.Cohorts[1].ConditionKeys.Should().Equal("anca-vasculitis");
        set.Cohorts[2].ConditionKeys.Should().Equal("myositis");
        set.Criterion("in-3.1").Should().BeEquivalentTo(new { ParentId = "in-3", Cohort = "3", Number = "1." });
        set.Criterion("in-4.2").ParentId.Should().Be("in-4");
        set.Criterion("in-6").Cohort.Should().BeNull("the contraception item applies to every cohort");
        set.Criterion("ex-7.5").ParentId.Should().Be("ex-7");
    }

    [Fact]
    public void Segment_Nct07339332_NestsTheNumberedItemUnderTheBullet()
    {
        var set = Seeds.Derive(Seeds.Nct07339332);

        set.Criterion("in-10.1").ParentId.Should().Be("in-10");
        set.Criterion("in-6").Text.Should().Contain("If treated with hormone therapy alone", "the continuation line belongs to the bullet above it");
        set.Criteria.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Derive_Seed_EveryNonBlankLineIsInACriterionOrIgnored(string file)
    {
        var set = Seeds.Derive(file);
        var lines = SourceLine.Split(Seeds.Text(file)).Where(l => !l.IsBlank);

        var covered = set.Criteria.Where(c => c.Source is not null).Select(c => c.Source!)
            .Concat(set.Ignored.Select(i => i.Source))
            .ToList();
        lines.Should().OnlyContain(l => covered.Any(s => s.StartLine <= l.Number && l.Number <= s.EndLine));
    }

    public static TheoryData<string> SeedFiles() => [.. Seeds.All];
}
