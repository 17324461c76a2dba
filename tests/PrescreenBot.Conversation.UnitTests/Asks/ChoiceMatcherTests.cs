using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Conversation.Asks;

namespace PrescreenBot.Conversation.UnitTests.Asks;

public sealed class ChoiceMatcherTests
{
    private static readonly ILanguageRecognizer[] Recognizers = [LanguageRecognizers.ForLocale("en-US"), LanguageRecognizers.ForLocale("zh-CN")];

    private static readonly Ask Conditions = new()
    {
        StepId = "key:condition",
        Kind = AskKind.MultiChoice,
        Text = "Which condition?",
        Retry = "Pick one.",
        Locale = "en-US",
        Options =
        [
            new AskOption("sle", "Lupus (SLE)", ["狼疮"]),
            new AskOption("ra", "Rheumatoid arthritis (RA)", ["类风湿关节炎"]),
            new AskOption("other", "Something else"),
        ],
    };

    [Theory]
    [InlineData("2", "ra")]
    [InlineData("rheumatoid arthritis (ra)", "ra")]
    [InlineData("the first one", "sle")]
    [InlineData("lupus", "sle")]
    [InlineData("狼疮", "sle")]
    public void MatchOne_NumberTitleOrdinalOrDistinctivePart_FindsTheOption(string text, string expected) =>
        ChoiceMatcher.MatchOne(Conditions, text, Recognizers).Should().Be(expected);

    [Fact]
    public void MatchOne_WordInsideAnotherWord_IsNotAMatch() =>
        ChoiceMatcher.MatchOne(Conditions, "arthr", Recognizers).Should().BeNull("latin text matches whole words only");

    [Theory]
    [InlineData("1, 2")]
    [InlineData("lupus and RA")]
    [InlineData("狼疮和类风湿关节炎")]
    public void MatchMany_SeveralNamedTogether_FindsEach(string text) =>
        ChoiceMatcher.MatchMany(Conditions, text, Recognizers).Should().Equal("sle", "ra");

    [Theory]
    [InlineData("lupus and gout")]
    [InlineData("RA and gout")]
    public void MatchMany_OnePartUnknown_MatchesNothing(string text) =>
        ChoiceMatcher.MatchMany(Conditions, text, Recognizers).Should().BeNull("a half-understood answer is asked again, never cut short");

    [Theory]
    [InlineData("Something else", true)]
    [InlineData("狼疮", true)]
    [InlineData("2", false)]
    [InlineData("lupus", false)]
    [InlineData("", false)]
    public void IsOptionName_OnlyExactNames_Count(string text, bool expected) =>
        ChoiceMatcher.IsOptionName(Conditions, text).Should().Be(expected);
}
