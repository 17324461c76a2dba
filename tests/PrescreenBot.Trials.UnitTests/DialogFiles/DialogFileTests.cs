using PrescreenBot.Trials.DialogFiles;

namespace PrescreenBot.Trials.UnitTests.DialogFiles;

public sealed class DialogFileTests
{
    private static string DialogsFolder => Path.Combine(Seeds.RepoRoot, "dialogs");

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void WriteThenRead_DerivedSet_RoundTrips(string file)
    {
        var set = Seeds.Derive(file);

        var yaml = DialogFile.Write(set);
        var read = DialogFile.Read(yaml, "x.yaml");

        DialogFile.Write(read).Should().Be(yaml);
        read.Criteria.Should().HaveCount(set.Criteria.Count);
        read.Trial.Should().BeEquivalentTo(set.Trial);
        read.Criteria.SelectMany(c => c.Questions).Should().BeEquivalentTo(set.Criteria.SelectMany(c => c.Questions));
    }

    [Fact]
    public void Read_CheckedInDialogs_AreAllApprovedAndMatchTheirSources()
    {
        var files = Directory.GetFiles(DialogsFolder, "*" + DialogFile.Extension);

        files.Should().HaveCount(5);
        foreach (var path in files)
        {
            var set = DialogFile.Read(File.ReadAllText(path), Path.GetFileName(path));
            set.Status.Should().Be(QuestionSetStatus.Approved, path);
            Path.GetFileName(path).Should().Be(DialogFile.FileNameFor(set.Trial));
            var source = Path.Combine(DialogsFolder, "sources", set.SourceName!);
            set.SourceHash.Should().Be(Trials.Derivation.TrialDeriver.Hash(File.ReadAllBytes(source)), path);
            set.Criteria.SelectMany(c => c.Questions).Should().OnlyContain(q => q.Text.ZhCn.Length > 0, path);
            set.Trial.TitleZh.Should().NotBeNullOrWhiteSpace(path).And.MatchRegex(@"\p{IsCJKUnifiedIdeographs}", path);
        }
    }

    [Fact]
    public void Read_CheckedInNct07318259_HasItsChineseTitle()
    {
        var set = DialogFile.Read(File.ReadAllText(Path.Combine(DialogsFolder, "NCT07318259.yaml")), "NCT07318259.yaml");

        set.Trial.TitleZh.Should().Be("超快速BCMA/CD70 CAR-T疗法治疗难治性系统性红斑狼疮的研究");
        set.Trial.TitleFor("zh-CN").Should().Be(set.Trial.TitleZh);
        set.Trial.TitleFor("en-US").Should().Be("Study of Ultra-Fast BCMA/CD70 CAR-T Therapy for Refractory SLE");
    }

    [Fact]
    public void WriteThenRead_ChineseTitle_RoundTripsNextToTheTitle()
    {
        var set = Seeds.Derive(Seeds.Zhejiang);
        set = set with { Trial = set.Trial with { TitleZh = "CD19 UCAR-T细胞治疗难治性系统性红斑狼疮（SLE）的有效性和安全性" } };

        var yaml = DialogFile.Write(set);
        var read = DialogFile.Read(yaml, "x.yaml");

        yaml.Should().Contain("\n  titleZh: CD19 UCAR-T细胞治疗");
        read.Trial.TitleZh.Should().Be(set.Trial.TitleZh);
        DialogFile.Write(read).Should().Be(yaml);
    }

    [Fact]
    public void Read_NoOrBlankChineseTitle_FallsBackToTheTitle()
    {
        var set = DialogFile.Read("status: draft\ntrial:\n  id: X\n  title: A study\n  titleZh: '  '\n", "t.yaml");

        set.Trial.TitleZh.Should().BeNull();
        set.Trial.TitleFor("zh-CN").Should().Be("A study");
        Seeds.Derive(Seeds.Nct07339332).Trial.TitleZh.Should().BeNull("a Chinese title is written by a reviewer, never derived");
    }

    [Fact]
    public void Read_CheckedInNct07339332_MarksTheSuicidalThoughtsQuestion()
    {
        var set = DialogFile.Read(File.ReadAllText(Path.Combine(DialogsFolder, "NCT07339332.yaml")), "NCT07339332.yaml");

        set.Criteria.SelectMany(c => c.Questions).Should().Contain(q => q.Key == "suicidal-thoughts" && q.SelfHarmRisk && q.Sensitive);
    }

    [Fact]
    public void Read_Empty_ThrowsNamingTheFile()
    {
        var act = () => DialogFile.Read("  \n", "empty.yaml");

        act.Should().Throw<DialogFileException>().WithMessage("empty.yaml: the file is empty.");
    }

    [Fact]
    public void Read_BrokenYaml_ThrowsWithTheLine()
    {
        var act = () => DialogFile.Read("trial:\n  id: [unclosed\n", "broken.yaml");

        act.Should().Throw<DialogFileException>().WithMessage("broken.yaml: not valid YAML at line *");
    }

    [Fact]
    public void Read_BadStatusOrMissingId_ThrowsSayingWhat()
    {
        FluentActions.Invoking(() => DialogFile.Read("status: done\ntrial:\n  id: X\n", "a.yaml"))
            .Should().Throw<DialogFileException>().WithMessage("a.yaml: status 'done' is not 'draft' or 'approved'.");
        FluentActions.Invoking(() => DialogFile.Read("status: draft\ntrial:\n  title: X\n", "b.yaml"))
            .Should().Throw<DialogFileException>().WithMessage("b.yaml: missing trial.id.");
    }

    [Fact]
    public void Read_YesNoQuestionWithoutDisqualifyingAnswer_Throws()
    {
        const string yaml = "trial:\n  id: X\ncriteria:\n  - id: ex-1\n    kind: exclusion\n    text: HIV\n    answerableBy: patient\n    questions:\n      - key: hiv\n        text: {en-US: HIV?, zh-CN: HIV?}\n";

        FluentActions.Invoking(() => DialogFile.Read(yaml, "c.yaml"))
            .Should().Throw<DialogFileException>().WithMessage("c.yaml: criterion 'ex-1' question 'hiv': a yes/no question needs disqualifyingAnswer.");
    }

    public static TheoryData<string> SeedFiles() => [.. Seeds.All];
}
