using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Questions;

public sealed class ChecklistsTests
{
    private static IReadOnlyList<TrialQuestionSet> All => [.. Seeds.All.Select(Seeds.Derive)];

    [Fact]
    public void All_EveryMember_IsAYesNoQuestionWordedInBothLanguages()
    {
        foreach (var key in Checklists.GroupedKeys)
        {
            QuestionCatalog.Find(key).Should().NotBeNull(key).And.Match<QuestionTemplate>(t => t.AnswerType == AnswerType.YesNo);
            var text = Checklists.ItemText(key, 90);
            text.EnUs.Should().NotBeNullOrWhiteSpace().And.NotContain("{window}");
            text.ZhCn.Should().NotBeNullOrWhiteSpace().And.NotContain("{window}");
        }
    }

    [Fact]
    public void All_EachKeyInOneChecklistOnly_AndNoChecklistTooLongForAPhone()
    {
        var members = Checklists.All.SelectMany(c => c.MemberKeys).ToList();

        members.Should().OnlyHaveUniqueItems();
        Checklists.All.Should().OnlyContain(c => c.MemberKeys.Count >= 2 && c.MemberKeys.Count <= Checklists.MaxItems);
    }

    [Theory]
    [InlineData(QuestionKeys.Age)]
    [InlineData(QuestionKeys.Sex)]
    [InlineData(QuestionKeys.Condition)]
    [InlineData(QuestionKeys.DiagnosisDuration)]
    [InlineData(QuestionKeys.SuicidalThoughts)]
    [InlineData(QuestionKeys.SuicidalBehavior)]
    public void ChecklistOf_KeysThatNeedTheirOwnAnswer_IsNull(string key) =>
        Checklists.ChecklistOf(key).Should().BeNull();

    [Fact]
    public void ChecklistOf_Member_NamesItsChecklist() =>
        Checklists.ChecklistOf(QuestionKeys.LiveVaccine).Should().Be(Checklists.RecentCare);

    [Fact]
    public void ItemText_Window_IsNamedInBothLanguages()
    {
        var text = Checklists.ItemText(QuestionKeys.LiveVaccine, 42);

        text.EnUs.Should().EndWith("nasal flu vaccine) in the last 6 weeks");
        text.ZhCn.Should().EndWith("鼻喷流感疫苗）（最近6周内）");
    }

    [Fact]
    public void ItemText_NoWindowOrAnItemThatNamesItsOwn_AddsNothing()
    {
        Checklists.ItemText(QuestionKeys.Malignancy, null).EnUs.Should().Be("cancer (a malignant tumour)");
        Checklists.ItemText(QuestionKeys.Hiv, 90).EnUs.Should().Be("HIV: a positive test, ever");
    }

    [Fact]
    public void ItemText_KeyOfNoChecklist_Throws() =>
        FluentActions.Invoking(() => Checklists.ItemText(QuestionKeys.Age, null)).Should().Throw<ArgumentException>().WithMessage("*age*");

    [Fact]
    public void Checklists_NoExclusionLupusPersona_ReachesVerdictsForAllFiveTrialsInFewQuestions()
    {
        var sets = All;
        var answers = new Dictionary<string, Answer>
        {
            [QuestionKeys.Age] = Answer.Years(34),
            [QuestionKeys.Sex] = Answer.Chosen("female"),
            [QuestionKeys.Condition] = Answer.Chosen(ConditionKeys.Sle),
        };
        var asked = answers.Count;
        foreach (var checklist in Checklists.All)
        {
            var open = sets.SelectMany(s => EligibilityEvaluator.OpenQuestionKeys(s, answers)).Intersect(checklist.MemberKeys).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            // One "no" answers every open item, over the widest window the trials ask about.
            foreach (var key in open)
            {
                answers[key] = Answer.No(SharedQuestion.For(key, sets)!.WindowDays);
            }

            asked++;
        }

        while (sets.SelectMany(s => EligibilityEvaluator.OpenQuestionKeys(s, answers)).FirstOrDefault() is { } key)
        {
            answers[key] = key switch
            {
                QuestionKeys.DiagnosisDuration => Answer.Quantity(3, Units.Years),
                QuestionKeys.Refractory => Answer.Yes(),
                _ => Answer.No(SharedQuestion.For(key, sets)!.WindowDays),
            };
            asked++;
        }

        EligibilityEvaluator.EvaluateAll(sets, answers).Should().OnlyContain(v => v.Verdict == TrialVerdict.LikelyEligible && v.IsComplete);
        asked.Should().BeLessThanOrEqualTo(15);
    }
}
