using PrescreenBot.Trials.Import;

namespace PrescreenBot.Trials.UnitTests.Import;

public sealed class TrialImporterTests
{
    [Fact]
    public void Import_EmptyFile_ThrowsNamingTheFile()
    {
        var act = () => TrialImporter.Import([], "empty.txt");

        act.Should().Throw<ImportException>().WithMessage("empty.txt: the file is empty.");
    }

    [Fact]
    public void Import_BinaryFile_ThrowsNamingTheFile()
    {
        var act = () => TrialImporter.Import([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02], "picture.png");

        act.Should().Throw<ImportException>().WithMessage("picture.png: the file is binary*");
    }

    [Fact]
    public void Import_InvalidUtf8_ThrowsNamingTheFile()
    {
        var act = () => TrialImporter.Import([0x49, 0x6E, 0xC3, 0x28, 0x41], "latin1.txt");

        act.Should().Throw<ImportException>().WithMessage("latin1.txt: the file is not UTF-8*");
    }

    [Fact]
    public void Import_TextWithoutCriteriaHeadings_ThrowsSayingWhatIsMissing()
    {
        var act = () => TrialImporter.Import("A study about lupus.\nIt is very interesting.", "notes.txt");

        act.Should().Throw<ImportException>().WithMessage("notes.txt: no eligibility criteria section*");
    }

    [Fact]
    public void Import_PlainCriteriaText_FindsNctIdAndCriteria()
    {
        const string text = "Trial NCT01234567 of something\nInclusion Criteria:\n1. Age 18 or older\nExclusion Criteria:\n1. Pregnant";

        var source = TrialImporter.Import(text, "plain.txt").Single();

        source.Layout.Should().Be(SourceLayouts.PlainCriteria);
        source.Trial.Id.Should().Be("NCT01234567");
        source.CriteriaLines.Select(l => l.Number).Should().Equal(2, 3, 4, 5);
    }

    [Fact]
    public void Import_PageWithFewLandmarks_FlagsTheLayoutAsUncertain()
    {
        const string text = "Study details\nInclusion Criteria:\n• Age 18 or older\nExclusion Criteria:\n• Pregnant";

        var source = TrialImporter.Import(text, "odd.txt").Single();

        source.LayoutCertain.Should().BeFalse();
        source.Flags.Should().ContainSingle(f => f.Code == FlagCodes.LayoutUncertain).Which.Message.Should().Contain("recruitment-page");
    }
}
