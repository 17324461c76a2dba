using PrescreenBot.Cli.Commands.Derive;
using PrescreenBot.Cli.UnitTests.Support;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Derivation;
using PrescreenBot.Trials.DialogFiles;

namespace PrescreenBot.Cli.UnitTests.Commands.Derive;

/// <summary><c>derive --out</c>: writes dialog files that read back, and never loses a coordinator's approved edits.</summary>
public sealed class DeriveCommandOutTests : IDisposable
{
    private const string CoordinatorNote = "Checked by the coordinator on the phone with the site.";

    private readonly TempFolder temp = new();
    private readonly string outFolder;
    private readonly string source;
    private readonly string target;

    public DeriveCommandOutTests()
    {
        outFolder = temp.Combine("dialogs");
        source = temp.Combine("sources", Repository.Nct07339332);
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.Copy(Repository.Seed(Repository.Nct07339332), source);
        target = Path.Combine(outFolder, "NCT07339332.yaml");
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunAsync_Out_WritesTrialIdYamlThatRoundTripsThroughTheReader()
    {
        var result = await CliRun.DeriveAsync(source, "--out", outFolder);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain(target).And.Contain("new question set (draft)");
        Directory.EnumerateFiles(outFolder).Select(Path.GetFileName).Should().Equal("NCT07339332.yaml");
        var yaml = await File.ReadAllTextAsync(target);
        var set = DialogFile.Read(yaml, target);
        set.Trial.Id.Should().Be("NCT07339332");
        set.Status.Should().Be(QuestionSetStatus.Draft);
        set.SourceHash.Should().StartWith("sha256:");
        set.Criteria.Should().Contain(c => c.Id == "age").And.Contain(c => c.Id.StartsWith("ex-", StringComparison.Ordinal));
        DialogFile.Write(set).Should().Be(yaml, "reading and writing again changes nothing");
    }

    [Fact]
    public async Task RunAsync_AllSeedsToOut_WritesOneFilePerTrialIncludingTheSlug()
    {
        var result = await CliRun.DeriveAsync(Path.Combine(Repository.Root, "dialogs", "sources"), "--out", outFolder);

        result.ExitCode.Should().Be(0, result.Error);
        Directory.EnumerateFiles(outFolder).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["NCT06316791.yaml", "NCT07161193.yaml", "NCT07318259.yaml", "NCT07339332.yaml", Repository.ZhejiangId + ".yaml"]);
        Directory.EnumerateFiles(outFolder, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("temporary files are moved into place");
    }

    [Fact]
    public async Task RunAsync_JsonAndOut_PrintsJsonOnOutputAndTheFileLogOnError()
    {
        var result = await CliRun.DeriveAsync(source, "--json", "--out", outFolder);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.TrimStart().Should().StartWith("{");
        result.Error.Should().Contain(target);
        File.Exists(target).Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_DraftAlreadyThere_ReplacesIt()
    {
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(outFolder).FullName, "NCT07339332.yaml"), await DerivedYamlAsync(approved: false, "old draft"));

        var result = await CliRun.DeriveAsync(source, "--out", outFolder);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("replaced the earlier draft");
        (await File.ReadAllTextAsync(target)).Should().NotContain("old draft");
    }

    [Fact]
    public async Task RunAsync_ApprovedFileAndUnchangedSource_KeepsItByteIdentical()
    {
        await WriteApprovedAsync();
        var before = await File.ReadAllBytesAsync(target);

        var result = await CliRun.DeriveAsync(source, "--out", outFolder);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("kept: approved and its source is unchanged");
        (await File.ReadAllBytesAsync(target)).Should().Equal(before);
    }

    [Fact]
    public async Task RunAsync_ApprovedFileAndChangedSource_RefusesWithExitCode3NamingTheChangedCriteria()
    {
        await WriteApprovedAsync();
        var before = FolderSnapshot.Take(outFolder);
        var changedId = await ChangeOneCriterionAsync();

        var result = await CliRun.DeriveAsync(source, "--out", outFolder);

        result.ExitCode.Should().Be(DeriveCommand.Refused).And.Be(3);
        result.Error.Should().Contain(target).And.Contain("refused").And.Contain($"new or changed criteria: {changedId};").And.Contain("--merge");
        FolderSnapshot.Take(outFolder).Should().BeEquivalentTo(before, "a refused run writes nothing");
    }

    [Fact]
    public async Task RunAsync_ApprovedFileChangedSourceAndMerge_WritesADraftKeepingApprovedCriteria()
    {
        await WriteApprovedAsync();
        var changedId = await ChangeOneCriterionAsync();

        var result = await CliRun.DeriveAsync(source, "--out", outFolder, "--merge");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("merged into a draft");
        var merged = DialogFile.Read(await File.ReadAllTextAsync(target), target);
        merged.Status.Should().Be(QuestionSetStatus.Draft, "a merge needs review again");
        merged.Criteria.Single(c => c.Id == "age").ReviewNote.Should().Be(CoordinatorNote, "an approved criterion whose text did not change keeps its edits");
        var changed = merged.Criteria.Single(c => c.Id == changedId);
        changed.Text.Should().Contain("within 3 years");
        changed.ReviewNote.Should().NotBe(CoordinatorNote);
        merged.ReviewNote.Should().Contain(changedId);
    }

    /// <summary>Derives the source in-process and writes it as a coordinator would leave it: every criterion noted, approved.</summary>
    private async Task WriteApprovedAsync()
    {
        Directory.CreateDirectory(outFolder);
        await File.WriteAllTextAsync(target, await DerivedYamlAsync(approved: true, CoordinatorNote));
    }

    private async Task<string> DerivedYamlAsync(bool approved, string note)
    {
        var set = TrialDeriver.Derive(await File.ReadAllBytesAsync(source), Path.GetFileName(source), DateOnly.FromDateTime(FixedClock.SeedDay.GetUtcNow().UtcDateTime)).Single();
        var edited = set with
        {
            Status = approved ? QuestionSetStatus.Approved : QuestionSetStatus.Draft,
            Criteria = [.. set.Criteria.Select(c => c with { ReviewNote = note })],
        };
        return DialogFile.Write(edited);
    }

    /// <summary>Edits the malignancy exclusion in the source (2 years → 3 years) and returns that criterion's id.</summary>
    private async Task<string> ChangeOneCriterionAsync()
    {
        var set = DialogFile.Read(await File.ReadAllTextAsync(target), target);
        var criterion = set.Criteria.Single(c => c.Text.Contains("malignant tumor within 2 years", StringComparison.Ordinal));
        var text = await File.ReadAllTextAsync(source);
        await File.WriteAllTextAsync(source, text.Replace("malignant tumor within 2 years", "malignant tumor within 3 years", StringComparison.Ordinal));
        return criterion.Id;
    }
}
