using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Import;

public sealed class TrialIdsTests
{
    [Theory]
    [InlineData("NCT07339332", "NCT07339332")]
    [InlineData("nct07339332", "NCT07339332")]
    [InlineData("  Nct07339332 \n", "NCT07339332")]
    public void Choose_ValidNctIdAnyCase_UsesItUpperCase(string written, string expected)
    {
        var choice = TrialIds.Choose(written, "ORG-1", "Sponsor", "Title", "source.json");

        choice.Id.Should().Be(expected);
        choice.Kind.Should().Be(TrialIdKind.NctId);
        choice.NctId.Should().Be(expected);
        choice.Flags.Should().BeEmpty();
    }

    [Theory]
    [InlineData("NCT1234567")]
    [InlineData("NCT123456789")]
    [InlineData("NCT0733933X")]
    [InlineData("07339332")]
    [InlineData("NCT 07339332")]
    [InlineData("../../etc/passwd")]
    [InlineData("NCT07339332/../x")]
    public void Choose_InvalidNctIdWithOrgStudyId_UsesTheOrgStudyIdAndFlagsTheValue(string written)
    {
        var choice = TrialIds.Choose(written, "ZJU-2025-01", "Sponsor", "Title", "source.json");

        choice.Id.Should().Be("ZJU-2025-01");
        choice.Kind.Should().Be(TrialIdKind.OrgStudyId);
        choice.NctId.Should().BeNull("an invalid NCT id is not kept as one");
        var flag = choice.Flags.Should().ContainSingle().Subject;
        flag.Code.Should().Be(FlagCodes.NoNctId);
        flag.Message.Should().Contain($"\"{written}\"").And.Contain("not valid").And.Contain("'ZJU-2025-01'");
    }

    [Fact]
    public void Choose_InvalidNctIdWithoutOrgStudyId_UsesTheSlugAndFlagsTheValue()
    {
        var choice = TrialIds.Choose("NCT-unknown", null, "Zhejiang University", "CAR-T for Lupus", "zhejiang.txt");

        choice.Id.Should().Be("zhejiang-university-car-t-for-lupus");
        choice.Kind.Should().Be(TrialIdKind.Slug);
        choice.Flags.Should().ContainSingle().Which.Message.Should().Contain("\"NCT-unknown\"").And.Contain("the slug 'zhejiang-university-car-t-for-lupus'");
    }

    [Fact]
    public void Choose_NoNctId_RaisesNoFlagOfItsOwn()
    {
        var choice = TrialIds.Choose("  ", "ORG-1", null, "Title", "source.json");

        choice.Id.Should().Be("ORG-1");
        choice.Flags.Should().BeEmpty("the deriver's trial flagger reports a missing NCT id");
    }

    [Fact]
    public void Choose_VeryLongInvalidNctId_IsQuotedShortAndOnOneLine()
    {
        var written = "NCT " + new string('9', 200) + "\nsecond line";

        var choice = TrialIds.Choose(written, "ORG-1", null, "Title", "source.json");

        var message = choice.Flags.Single().Message;
        message.Should().NotContain("\n").And.Contain("…");
        message.Length.Should().BeLessThan(400);
    }

    [Theory]
    [InlineData("../../etc/passwd", null, null, "t", "s.json")]
    [InlineData("NCT..", "..\\..\\windows", null, "t", "s.json")]
    [InlineData(null, "a/b\\c..d", null, "t", "s.json")]
    [InlineData(null, "../", "..", "..", "../..json")]
    [InlineData(null, null, "某医院", "狼疮研究", "研究.txt")]
    [InlineData(null, null, null, "Title: CAR-T / Lupus . . phase 1", "x.txt")]
    public void Choose_AnyInput_GivesAFileNameSafeId(string? nct, string? org, string? sponsor, string title, string source)
    {
        var choice = TrialIds.Choose(nct, org, sponsor, title, source);

        TrialIds.IsFileNameSafe(choice.Id).Should().BeTrue($"'{choice.Id}' must be usable as dialogs/<id>.yaml");
        choice.Id.Should().NotContain("..").And.NotContain("/").And.NotContain("\\");
    }

    [Theory]
    [InlineData("NCT07339332", true)]
    [InlineData("ZJU-2025_01", true)]
    [InlineData("", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a.yaml", false)]
    public void IsFileNameSafe_Id_OnlyLettersDigitsDashesAndUnderscores(string id, bool safe) =>
        TrialIds.IsFileNameSafe(id).Should().Be(safe);
}
