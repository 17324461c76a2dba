using System.Text.Json.Nodes;
using PrescreenBot.Cli.Commands.Derive;
using PrescreenBot.Cli.UnitTests.Support;

namespace PrescreenBot.Cli.UnitTests.Commands.Derive;

/// <summary>Bad input gets a clear error naming the file, a non-zero exit code, and nothing written to --out.</summary>
public sealed class DeriveCommandBadInputTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string outFolder;

    public DeriveCommandBadInputTests()
    {
        // An --out folder that already holds a coordinator's file: a failed run must leave it exactly as it was.
        outFolder = temp.Combine("dialogs");
        temp.Write("dialogs/NCT07339332.yaml", "status: approved\n# a coordinator's file\n");
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty", "empty" },
        { "whitespace", "empty" },
        { "binary", "binary" },
        { "truncated-json", "JSON" },
        { "no-criteria", "criteria" },
    };

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task RunAsync_BadFileWithOut_FailsNamingTheFileAndWritesNothing(string kind, string problemWord)
    {
        var file = WriteBad(kind);
        var before = FolderSnapshot.Take(outFolder);

        var result = await CliRun.DeriveAsync(file, "--out", outFolder);

        result.ExitCode.Should().Be(DeriveCommand.InputError);
        result.Error.Should().Contain(file).And.Contain(problemWord).And.Contain("nothing was written");
        result.Output.Should().BeEmpty();
        FolderSnapshot.Take(outFolder).Should().BeEquivalentTo(before, "a failed run leaves the output folder unchanged");
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task RunAsync_BadFileWithJson_PrintsNoJson(string kind, string problemWord)
    {
        var file = WriteBad(kind);

        var result = await CliRun.DeriveAsync(file, "--json");

        result.ExitCode.Should().Be(DeriveCommand.InputError);
        result.Error.Should().Contain(file).And.Contain(problemWord);
        result.Output.Should().BeEmpty("half a result is worse than none");
    }

    [Fact]
    public async Task RunAsync_MissingFile_FailsNamingItAndDoesNotCreateTheOutFolder()
    {
        var missing = temp.Combine("no-such-trial.txt");
        var newOut = temp.Combine("new-dialogs");

        var result = await CliRun.DeriveAsync(missing, "--out", newOut);

        result.ExitCode.Should().Be(DeriveCommand.InputError);
        result.Error.Should().Contain(missing).And.Contain("no such file");
        Directory.Exists(newOut).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_FolderWithOneBadFile_WritesNoneOfTheGoodOnes()
    {
        var sources = temp.Combine("sources");
        Directory.CreateDirectory(sources);
        File.Copy(Repository.Seed(Repository.Nct07339332), Path.Combine(sources, Repository.Nct07339332));
        temp.Write("sources/broken.json", "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT0");
        var newOut = temp.Combine("new-dialogs");

        var result = await CliRun.DeriveAsync(sources, "--out", newOut);

        result.ExitCode.Should().Be(DeriveCommand.InputError);
        result.Error.Should().Contain("broken.json").And.NotContain(Repository.Nct07339332);
        Directory.Exists(newOut).Should().BeFalse("all sources are derived before anything is written");
    }

    [Fact]
    public async Task RunAsync_EmptyFolder_SaysItHoldsNoTrialDocuments()
    {
        var empty = temp.Combine("empty-folder");
        Directory.CreateDirectory(empty);

        var result = await CliRun.DeriveAsync(empty, "--out", outFolder);

        result.ExitCode.Should().Be(DeriveCommand.InputError);
        result.Error.Should().Contain(empty).And.Contain("no .txt or .json");
    }

    [Fact]
    public async Task RunAsync_NctIdThatIsAPath_FallsBackToTheOrgStudyIdInsideOut()
    {
        var study = JsonNode.Parse(await File.ReadAllTextAsync(DeriveCommandCtGovJsonTests.FixturePath))!;
        study["protocolSection"]!["identificationModule"]!["nctId"] = "../escaped";
        var file = temp.Write("evil.json", study.ToJsonString());

        var result = await CliRun.DeriveAsync(file, "--out", outFolder);

        result.ExitCode.Should().Be(0);
        Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("evil.json");
        var written = Path.Combine(outFolder, "CLI-FIX-42.yaml");
        File.Exists(written).Should().BeTrue();
        (await File.ReadAllTextAsync(written)).Should().Contain("no-nct-id").And.Contain("../escaped");
    }

    [Fact]
    public async Task RunAsync_TwoSourcesOfOneTrial_RefusesInsteadOfOverwriting()
    {
        var sources = temp.Combine("sources");
        Directory.CreateDirectory(sources);
        File.Copy(Repository.Seed(Repository.Nct07339332), Path.Combine(sources, "a.txt"));
        File.Copy(Repository.Seed(Repository.Nct07339332), Path.Combine(sources, "b.txt"));
        var before = FolderSnapshot.Take(outFolder);

        var result = await CliRun.DeriveAsync(sources, "--out", outFolder);

        result.ExitCode.Should().Be(DeriveCommand.InputError);
        result.Error.Should().Contain("a.txt, b.txt").And.Contain("NCT07339332");
        FolderSnapshot.Take(outFolder).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData(new string[0], "required")]
    [InlineData(new[] { "a.txt", "--out" }, "--out needs a folder")]
    [InlineData(new[] { "a.txt", "--frobnicate" }, "unknown option '--frobnicate'")]
    [InlineData(new[] { "a.txt", "b.txt" }, "unexpected argument 'b.txt'")]
    public async Task RunAsync_WrongCommandLine_ExitsWithUsageError(string[] args, string message)
    {
        var result = await CliRun.DeriveAsync(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message).And.Contain("usage: prescreen derive");
    }

    private string WriteBad(string kind) => kind switch
    {
        "empty" => temp.Write("empty.txt", string.Empty),
        "whitespace" => temp.Write("blank.txt", "  \n\n\t \n"),
        "binary" => temp.Write("scan.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]),
        "truncated-json" => temp.Write("study.json", File.ReadAllText(DeriveCommandCtGovJsonTests.FixturePath)[..400]),
        "no-criteria" => temp.Write("about.txt", "About this study\nThis study tests a new medicine for lupus.\nContact the study team for details.\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
