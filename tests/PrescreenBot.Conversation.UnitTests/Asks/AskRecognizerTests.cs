using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.UnitTests.Asks;

public sealed class AskRecognizerTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData("34", 34, "years")]
    [InlineData("34 years old", 34, "years")]
    [InlineData("18 months", 18, "months")]
    [InlineData("34岁", 34, "years")]
    [InlineData("forty-two", 42, "years")]
    public void Recognize_AgeAnswers_AreNumbersWithUnits(string text, int number, string unit)
    {
        var result = AskRecognizer.Recognize(Number("years"), text, Today, TextCatalog.Embedded);

        result.Should().BeEquivalentTo(new AskResult { Kind = AskResultKind.Number, Number = number, Unit = unit });
    }

    [Fact]
    public void Recognize_BareNumberWhereAUnitIsNeeded_IsNotUnderstood()
    {
        AskRecognizer.Recognize(Number(null), "5", Today, TextCatalog.Embedded).Should().BeNull("5 months and 5 years decide differently");
        AskRecognizer.Recognize(Number(null), "5 years", Today, TextCatalog.Embedded)!.Unit.Should().Be("years");
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("I don't know")]
    [InlineData("不确定")]
    public void Recognize_NotSure_IsAcceptedWhereAllowed(string text)
    {
        AskRecognizer.Recognize(Number("years"), text, Today, TextCatalog.Embedded)!.Kind.Should().Be(AskResultKind.NotSure);
    }

    [Theory]
    [InlineData("1", "sle")]
    [InlineData("lupus", "sle")]
    [InlineData("Lupus nephritis", "lupus-nephritis")]
    [InlineData("I have RA", "ra")]
    [InlineData("类风湿", "ra")]
    [InlineData("the second one", "lupus-nephritis")]
    public void Recognize_ConditionByNumberNameSynonymOrOrdinal_IsTheOption(string text, string expected)
    {
        AskRecognizer.Recognize(Conditions(), text, Today, TextCatalog.Embedded)!.Choices.Should().Equal(expected);
    }

    [Theory]
    [InlineData("1, 3")]
    [InlineData("lupus and rheumatoid arthritis")]
    [InlineData("红斑狼疮、类风湿")]
    public void Recognize_SeveralConditions_AreAllChosen(string text)
    {
        AskRecognizer.Recognize(Conditions(), text, Today, TextCatalog.Embedded)!.Choices.Should().Equal("sle", "ra");
    }

    [Theory]
    [InlineData("yes", AskResultKind.Yes)]
    [InlineData("nope", AskResultKind.No)]
    [InlineData("是", AskResultKind.Yes)]
    [InlineData("2", AskResultKind.No)]
    [InlineData("3", AskResultKind.NotSure)]
    public void Recognize_YesNoNotSure_ByWordOrButtonNumber(string text, AskResultKind expected)
    {
        var ask = new Ask
        {
            StepId = "key:hiv", Kind = AskKind.YesNoNotSure, Text = "?", Retry = "!", AllowNotSure = true,
            Buttons = ["Yes", "No", "Not sure"], Locale = Locales.English,
        };

        AskRecognizer.Recognize(ask, text, Today, TextCatalog.Embedded)!.Kind.Should().Be(expected);
    }

    [Fact]
    public void Recognize_ConsentNotSure_IsNotAnAnswer()
    {
        var ask = new Ask { StepId = "consent", Kind = AskKind.YesNo, Text = "?", Retry = "!", Buttons = ["Yes", "No"], Locale = Locales.English };

        AskRecognizer.Recognize(ask, "not sure", Today, TextCatalog.Embedded).Should().BeNull();
    }

    [Theory]
    [InlineData("skip", AskResultKind.Skip)]
    [InlineData("跳过", AskResultKind.Skip)]
    [InlineData("Wuhan", AskResultKind.Text)]
    public void Recognize_OptionalText_SkipOrText(string text, AskResultKind expected)
    {
        var ask = new Ask { StepId = "intake:city", Kind = AskKind.Text, Text = "?", Retry = "!", AllowSkip = true, Buttons = ["Skip"], Locale = Locales.English };

        AskRecognizer.Recognize(ask, text, Today, TextCatalog.Embedded)!.Kind.Should().Be(expected);
    }

    private static Ask Number(string? defaultUnit) => new()
    {
        StepId = "key:age", Kind = AskKind.Number, Text = "?", Retry = "!", AllowNotSure = true, DefaultUnit = defaultUnit, Locale = Locales.English,
    };

    private static Ask Conditions() => new()
    {
        StepId = "key:condition",
        Kind = AskKind.MultiChoice,
        Text = "?",
        Retry = "!",
        AllowNotSure = true,
        Locale = Locales.English,
        Options =
        [
            new("sle", "Lupus (systemic lupus erythematosus, SLE)", ["lupus", "sle", "红斑狼疮"]),
            new("lupus-nephritis", "Lupus affecting the kidneys (lupus nephritis)", ["lupus nephritis", "狼疮性肾炎"]),
            new("ra", "Rheumatoid arthritis (RA)", ["ra", "rheumatoid arthritis", "类风湿"]),
            new("other", "Something else", ["other"]),
        ],
    };
}
