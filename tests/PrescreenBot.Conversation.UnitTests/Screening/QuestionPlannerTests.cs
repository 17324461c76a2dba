using PrescreenBot.Conversation.Screening;

namespace PrescreenBot.Conversation.UnitTests.Screening;

public sealed class QuestionPlannerTests
{
    [Fact]
    public void Next_SharedExclusion_ComesBeforeOneTrialsQuestion()
    {
        var outlooks = new[]
        {
            Trial("A", true, ("dialysis", true), ("prior-car-t", true)),
            Trial("B", true, ("prior-car-t", true)),
            Trial("C", true, ("prior-car-t", true), ("hiv", true)),
        };

        QuestionPlanner.Next(outlooks).Should().Be("prior-car-t");
    }

    [Fact]
    public void Next_RuledOutTrials_NoLongerCount()
    {
        var outlooks = new[]
        {
            Trial("A", false, ("dialysis", true)),
            Trial("B", false, ("dialysis", true)),
            Trial("C", true, ("hiv", true)),
        };

        QuestionPlanner.Next(outlooks).Should().Be("hiv");
    }

    [Fact]
    public void Next_QuestionThatCannotRuleOut_ComesLast()
    {
        var outlooks = new[]
        {
            Trial("A", true, ("contraception", false), ("hiv", true)),
            Trial("B", true, ("contraception", false)),
        };

        QuestionPlanner.Rank(outlooks).Should().Equal("hiv", "contraception");
    }

    [Fact]
    public void Next_NothingOpen_IsNull()
    {
        QuestionPlanner.Next([Trial("A", true), Trial("B", false, ("hiv", true))]).Should().BeNull();
    }

    [Fact]
    public void Rank_Ties_KeepTheTrialsOwnOrder()
    {
        QuestionPlanner.Rank([Trial("A", true, ("pregnancy", true), ("hiv", true))]).Should().Equal("pregnancy", "hiv");
    }

    private static TrialOutlook Trial(string id, bool possible, params (string Key, bool CanRuleOut)[] open) => new()
    {
        TrialId = id,
        StillPossible = possible,
        OpenQuestions = open.Select(q => new OpenQuestion(q.Key, q.CanRuleOut)).ToList(),
    };
}
