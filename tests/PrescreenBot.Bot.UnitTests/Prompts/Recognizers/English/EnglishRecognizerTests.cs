using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Bot.Prompts.Recognizers.English;

namespace PrescreenBot.Bot.UnitTests.Prompts.Recognizers.English;

public sealed class EnglishRecognizerTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly EnglishRecognizer _en = EnglishRecognizer.Instance;

    [Theory]
    [InlineData("yes", YesNoUnsure.Yes)]
    [InlineData("Yes!", YesNoUnsure.Yes)]
    [InlineData("yse", YesNoUnsure.Yes)]
    [InlineData("yeah", YesNoUnsure.Yes)]
    [InlineData("Yep, I do", YesNoUnsure.Yes)]
    [InlineData("sure", YesNoUnsure.Yes)]
    [InlineData("I have", YesNoUnsure.Yes)]
    [InlineData("of course", YesNoUnsure.Yes)]
    [InlineData("yess", YesNoUnsure.Yes)]
    [InlineData("no", YesNoUnsure.No)]
    [InlineData("nope", YesNoUnsure.No)]
    [InlineData("Nah", YesNoUnsure.No)]
    [InlineData("No, I have not", YesNoUnsure.No)]
    [InlineData("never", YesNoUnsure.No)]
    [InlineData("I don't", YesNoUnsure.No)]
    [InlineData("noep", YesNoUnsure.No)]
    [InlineData("not sure", YesNoUnsure.NotSure)]
    [InlineData("I'm not sure", YesNoUnsure.NotSure)]
    [InlineData("dunno", YesNoUnsure.NotSure)]
    [InlineData("idk", YesNoUnsure.NotSure)]
    [InlineData("I don’t know", YesNoUnsure.NotSure)]
    [InlineData("maybe", YesNoUnsure.NotSure)]
    [InlineData("can't remember", YesNoUnsure.NotSure)]
    [InlineData("no idea", YesNoUnsure.NotSure)]
    [InlineData("mayby", YesNoUnsure.NotSure)]
    public void RecognizeYesNoUnsure_Answers(string text, YesNoUnsure expected)
    {
        _en.RecognizeYesNoUnsure(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("purple")]
    [InlineData("42")]
    [InlineData("the weather is nice")]
    public void RecognizeYesNoUnsure_NotAnAnswer_Null(string text)
    {
        _en.RecognizeYesNoUnsure(text).Should().BeNull();
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("42 years", 42)]
    [InlineData("42.5", 42.5)]
    [InlineData("-3", -3)]
    [InlineData("1,200", 1200)]
    [InlineData("forty-two", 42)]
    [InlineData("forty two", 42)]
    [InlineData("twelve", 12)]
    [InlineData("zero", 0)]
    [InlineData("a hundred and five", 105)]
    [InlineData("two thousand and twenty", 2020)]
    [InlineData("I'm thirty four years old", 34)]
    [InlineData("about 70 kg", 70)]
    public void RecognizeNumber_DigitsAndWords(string text, double expected)
    {
        _en.RecognizeNumber(text).Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("none of your business")]
    [InlineData("a lot")]
    public void RecognizeNumber_NoNumber_Null(string text)
    {
        _en.RecognizeNumber(text).Should().BeNull();
    }

    [Theory]
    [InlineData("the first one", 1)]
    [InlineData("second", 2)]
    [InlineData("3rd", 3)]
    [InlineData("the last one", -1)]
    public void RecognizeOrdinal_Positions(string text, int expected)
    {
        _en.RecognizeOrdinal(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("March 2024", "2024-03")]
    [InlineData("mar 2024", "2024-03")]
    [InlineData("in March of 2024", "2024-03")]
    [InlineData("March 1, 2024", "2024-03-01")]
    [InlineData("1st March 2024", "2024-03-01")]
    [InlineData("2024-03-01", "2024-03-01")]
    [InlineData("2024/3/1", "2024-03-01")]
    [InlineData("2024-03", "2024-03")]
    [InlineData("03/2024", "2024-03")]
    [InlineData("2 weeks ago", "2026-11-07")]
    [InlineData("two weeks ago", "2026-11-07")]
    [InlineData("a year ago", "2025-11-21")]
    [InlineData("3 months ago", "2026-08-21")]
    [InlineData("yesterday", "2026-11-20")]
    [InlineData("today", "2026-11-21")]
    [InlineData("last month", "2026-10")]
    [InlineData("last year", "2025")]
    [InlineData("in 2019", "2019")]
    [InlineData("December", "2025-12")]
    [InlineData("October", "2026-10")]
    [InlineData("may 2020", "2020-05")]
    public void RecognizeDate_Forms(string text, string timex)
    {
        _en.RecognizeDate(text, Today)!.Timex.Should().Be(timex);
    }

    [Theory]
    [InlineData("I may have")]
    [InlineData("2024-13-45")]
    [InlineData("nothing")]
    [InlineData("42")]
    public void RecognizeDate_NotADate_Null(string text)
    {
        _en.RecognizeDate(text, Today).Should().BeNull();
    }

    [Fact]
    public void RecognizeDate_Month_HasRange()
    {
        var march = _en.RecognizeDate("March 2024", Today)!;

        march.Start.Should().Be("2024-03-01");
        march.End.Should().Be("2024-04-01");
        march.Date.Should().Be(new DateOnly(2024, 3, 1));
    }

    [Theory]
    [InlineData("help", DialogCommand.Help)]
    [InlineData("?", DialogCommand.Help)]
    [InlineData("Help please", DialogCommand.Help)]
    [InlineData("start over", DialogCommand.StartOver)]
    [InlineData("Restart", DialogCommand.StartOver)]
    [InlineData("back", DialogCommand.Back)]
    [InlineData("Go back!", DialogCommand.Back)]
    [InlineData("change my answer", DialogCommand.Back)]
    [InlineData("stop", DialogCommand.Stop)]
    [InlineData("quit", DialogCommand.Stop)]
    public void RecognizeCommand_Commands(string text, DialogCommand expected)
    {
        _en.RecognizeCommand(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("back pain")]
    [InlineData("I need help with my back")]
    [InlineData("no")]
    public void RecognizeCommand_Answers_AreNotCommands(string text)
    {
        _en.RecognizeCommand(text).Should().BeNull();
    }
}
