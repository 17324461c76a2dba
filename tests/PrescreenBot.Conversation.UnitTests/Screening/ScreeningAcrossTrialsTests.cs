using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.UnitTests.Personas;
using PrescreenBot.Conversation.UnitTests.Support;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Screening;

/// <summary>The question planner on the five real seed trials.</summary>
public sealed class ScreeningAcrossTrialsTests
{
    [Fact]
    public async Task Screening_AcrossFiveTrials_AsksEachConceptOnce()
    {
        var bot = await Persona.LupusWoman34.ScreenAsync();

        var asked = AskedSteps(bot).SelectMany(s => s.Keys ?? []).ToList();

        asked.Should().OnlyHaveUniqueItems();
        asked.Should().Contain([QuestionKeys.Age, QuestionKeys.Hiv, QuestionKeys.Pregnant, QuestionKeys.PriorCarT]);
    }

    [Fact]
    public async Task Screening_Man_IsNeverAskedAboutPregnancy()
    {
        var bot = await Persona.PriorCarT.ScreenAsync();

        AskedSteps(bot).SelectMany(s => s.Keys ?? []).Should().NotContain([QuestionKeys.Pregnant, QuestionKeys.Breastfeeding]);
    }

    [Fact]
    public void Next_AfterIntake_AsksWhatRulesOutMostTrialsFirst()
    {
        var engine = new ScreeningEngine(SeedDialogs.Catalog, new ManualTimeProvider());
        var session = new PrescreenSession();
        session.Answers[QuestionKeys.Age] = Answer.Years(34);
        session.Answers[QuestionKeys.Sex] = Answer.Chosen("female");
        session.Answers[QuestionKeys.Condition] = Answer.Chosen(ConditionKeys.Sle);

        var snapshot = engine.Evaluate(session);
        var step = engine.Next(session, snapshot)!;

        var firstKey = snapshot.RankedKeys[0];
        step.Questions.Select(q => q.Key).Should().Contain(firstKey);
        var trialsAskingFirst = snapshot.Candidates.Count(s => s.QuestionKeys.Contains(firstKey));
        snapshot.RankedKeys.Should().OnlyContain(k => snapshot.Candidates.Count(s => s.QuestionKeys.Contains(k)) <= trialsAskingFirst);
        step.StillPossible.Should().Be(5);
    }

    [Fact]
    public async Task Screening_NoTrialLeft_StopsEarlyKindlyWithVerdicts()
    {
        var persona = Persona.LupusWoman34 with
        {
            Answers = new Dictionary<string, string>(Persona.LupusWoman34.Answers) { [QuestionKeys.Hiv] = "yes" },
        };

        var bot = await persona.ScreenAsync();

        bot.Transcript.Should().Contain(a => a.Text != null && a.Text.Contains("none of these studies is a fit right now. This is not a judgement on your health"));
        bot.LastResult!.Verdicts.Should().OnlyContain(v => v.Verdict == "notEligible");
        bot.CurrentStep.Should().Be("finished");
        var complete = await Persona.LupusWoman34.ScreenAsync();
        bot.LastResult.QuestionsAsked.Should().BeLessThan(complete.LastResult!.QuestionsAsked);
    }

    [Fact]
    public async Task Intake_ConditionNoTrialStudies_SaysSoRightAway()
    {
        var persona = Persona.LupusWoman34 with
        {
            Answers = new Dictionary<string, string>(Persona.LupusWoman34.Answers) { ["key:condition"] = "something else" },
        };

        var bot = await persona.ScreenAsync();

        bot.Transcript.Should().Contain(a => a.Text != null && a.Text.Contains("none of the studies I know about fit those answers"));
        bot.Transcript.Select(a => (a.ChannelData as PrescreenStepData)?.PrescreenStep).Should().NotContain("intake:country");
        bot.LastResult!.Verdicts.Should().OnlyContain(v => v.Verdict == "notEligible");
        bot.LastResult.QuestionsAsked.Should().Be(3);
    }

    [Fact]
    public async Task Candidates_NotYetRecruitingTrial_IsNamedAsSuchAfterTheRecruitingOnes()
    {
        var bot = await Persona.LupusWoman34.ScreenAsync();

        var list = bot.Transcript.Single(a => a.Text != null && a.Text.StartsWith("5 studies could fit", StringComparison.Ordinal)).Text!.Split('\n');
        list[^1].Should().Contain(SeedDialogs.MultiDisease).And.Contain("not yet recruiting").And.Contain("tell the site you're interested");
        list[1..^1].Should().OnlyContain(line => line.EndsWith(": recruiting", StringComparison.Ordinal));
    }

    private static IEnumerable<PrescreenStepData> AskedSteps(BotHarness bot) => bot.Transcript
        .Select(a => a.ChannelData as PrescreenStepData)
        .Where(d => d is not null && (d.PrescreenStep.StartsWith("key:", StringComparison.Ordinal) || d.PrescreenStep.StartsWith("group:", StringComparison.Ordinal)))
        .DistinctBy(d => d!.PrescreenStep)!;
}
