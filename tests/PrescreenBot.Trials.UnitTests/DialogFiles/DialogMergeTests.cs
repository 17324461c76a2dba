using PrescreenBot.Trials.DialogFiles;

namespace PrescreenBot.Trials.UnitTests.DialogFiles;

public sealed class DialogMergeTests
{
    private static TrialQuestionSet Generated => Seeds.Derive(Seeds.Zhejiang);

    private static TrialQuestionSet Approved => Generated with
    {
        Status = QuestionSetStatus.Approved,
        Criteria = [.. Generated.Criteria.Select(c => c.Id == "ex-1" ? c with { ReviewNote = "checked by coordinator" } : c)],
    };

    [Fact]
    public void Decide_NoFile_Writes()
    {
        DialogMerge.Decide(null, Generated, allowMerge: false).Action.Should().Be(MergeAction.Write);
    }

    [Fact]
    public void Decide_DraftFile_IsReplaced()
    {
        DialogMerge.Decide(Generated with { ReviewNote = "x" }, Generated, allowMerge: false).Action.Should().Be(MergeAction.Write);
    }

    [Fact]
    public void Decide_ApprovedFileSameSource_IsKept()
    {
        var outcome = DialogMerge.Decide(Approved, Generated, allowMerge: false);

        outcome.Action.Should().Be(MergeAction.Keep);
        outcome.Set!.Criteria.Single(c => c.Id == "ex-1").ReviewNote.Should().Be("checked by coordinator");
    }

    [Fact]
    public void Decide_ApprovedFileChangedSource_IsRefusedWithAClearMessage()
    {
        var changed = Generated with
        {
            SourceHash = "sha256:other",
            Criteria = [.. Generated.Criteria.Select(c => c.Id == "ex-3" ? c with { Text = "Active tuberculosis now." } : c)],
        };

        var outcome = DialogMerge.Decide(Approved, changed, allowMerge: false);

        outcome.Action.Should().Be(MergeAction.Refuse);
        outcome.Message.Should().Contain("approved").And.Contain("ex-3").And.Contain("--merge");
    }

    [Fact]
    public void Decide_ApprovedFileChangedSourceWithMerge_KeepsUnchangedApprovedCriteria()
    {
        var changed = Generated with
        {
            SourceHash = "sha256:other",
            Criteria = [.. Generated.Criteria.Select(c => c.Id == "ex-3" ? c with { Text = "Active tuberculosis now." } : c)],
        };

        var outcome = DialogMerge.Decide(Approved, changed, allowMerge: true);

        outcome.Action.Should().Be(MergeAction.Merge);
        outcome.Set!.Status.Should().Be(QuestionSetStatus.Draft);
        outcome.Set.Criteria.Single(c => c.Id == "ex-1").ReviewNote.Should().Be("checked by coordinator");
        outcome.Set.Criteria.Single(c => c.Id == "ex-3").Text.Should().Be("Active tuberculosis now.");
        outcome.Set.ReviewNote.Should().Contain("ex-3");
    }

    [Fact]
    public void Decide_MergeWithTheSameEnglishTitle_KeepsTheReviewersChineseTitle()
    {
        var approved = Approved with { Trial = Approved.Trial with { TitleZh = "中文标题" } };
        var changed = Generated with { SourceHash = "changed" };

        DialogMerge.Decide(approved, changed, allowMerge: true).Set!.Trial.TitleZh.Should().Be("中文标题");
        DialogMerge.Decide(approved, changed with { Trial = changed.Trial with { Title = "A new title" } }, allowMerge: true)
            .Set!.Trial.TitleZh.Should().BeNull("the translation was of the old title");
    }
}
