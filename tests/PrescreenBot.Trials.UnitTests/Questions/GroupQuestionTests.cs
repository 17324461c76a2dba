using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Trials.UnitTests.Questions;

public sealed class GroupQuestionTests
{
    private static IReadOnlyList<TrialQuestionSet> All => [.. Seeds.All.Select(Seeds.Derive)];

    [Fact]
    public void For_Recent_ListsEachItemOverItsWidestWindow()
    {
        var question = GroupQuestion.For(QuestionGroups.Recent, All)!;

        question.Items.Select(i => (i.Key, i.WindowDays)).Should().Contain([(QuestionKeys.LiveVaccine, 42), (QuestionKeys.OtherTrial, 90)]);
        question.Text.EnUs.Should().Contain("• a live vaccine (for example measles-mumps-rubella, chickenpox, yellow fever) (in the last 6 weeks)");
        question.Text.ZhCn.Should().Contain("最近6周内减毒活疫苗");
    }

    [Fact]
    public void For_AlreadyAnsweredOrImpliedKeys_AreLeftOut()
    {
        var answered = new Dictionary<string, Answer> { [QuestionKeys.Hiv] = Answer.No(), [QuestionKeys.PriorGeneTherapy] = Answer.No() };

        GroupQuestion.For(QuestionGroups.Infections, All, answered)!.Items.Select(i => i.Key).Should().NotContain(QuestionKeys.Hiv);
        GroupQuestion.For(QuestionGroups.Treatments, All, answered)!.Items.Select(i => i.Key).Should().NotContain([QuestionKeys.PriorGeneTherapy, QuestionKeys.PriorCarT]);
    }

    [Fact]
    public void AnswersFor_ChosenItem_IsYesOverItsWindowAndTheRestNo()
    {
        var question = GroupQuestion.For(QuestionGroups.Recent, All)!;

        var answers = question.AnswersFor([QuestionKeys.LiveVaccine]);

        answers[QuestionKeys.LiveVaccine].Should().Be(Answer.Yes(42));
        answers[QuestionKeys.OtherTrial].Should().Be(Answer.No(90));
        question.NotSureAnswers().Values.Should().OnlyContain(a => a.Kind == AnswerKind.NotSure);
    }

    [Fact]
    public void Checklists_NoExclusionLupusPersona_ReachesVerdictsForAllFiveTrialsInFewQuestions()
    {
        var sets = All;
        var answers = new Dictionary<string, Answer>();
        var asked = 0;
        foreach (var group in QuestionGroups.All)
        {
            if (GroupQuestion.For(group.Key, sets, answers) is { } question)
            {
                foreach (var (key, answer) in question.AnswersFor([]))
                {
                    answers[key] = answer;
                }

                asked++;
            }
        }

        while (sets.SelectMany(s => EligibilityEvaluator.OpenQuestionKeys(s, answers)).FirstOrDefault() is { } key)
        {
            var shared = SharedQuestion.For(key, sets)!;
            answers[key] = key switch
            {
                QuestionKeys.Age => Answer.Years(34),
                QuestionKeys.Sex => Answer.Chosen("female"),
                QuestionKeys.Condition => Answer.Chosen(ConditionKeys.Sle),
                QuestionKeys.DiagnosisDuration => Answer.Quantity(3, Units.Years),
                QuestionKeys.Refractory => Answer.Yes(),
                _ => Answer.No(shared.WindowDays),
            };
            asked++;
        }

        var verdicts = EligibilityEvaluator.EvaluateAll(sets, answers);
        verdicts.Should().OnlyContain(v => v.Verdict == TrialVerdict.LikelyEligible && v.IsComplete);
        asked.Should().BeLessThanOrEqualTo(15);
    }
}
