using PrescreenBot.Conversation.Session.Stored;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Session.Stored;

public sealed class AnswerTextTests
{
    private static readonly (Answer Answer, string Text)[] ShortForms =
    [
        (Answer.Yes(), "yes"),
        (Answer.No(), "no"),
        (Answer.No(90), "no@90"),
        (Answer.No(0), "no@0"),
        (Answer.Yes(1095), "yes@1095"),
        (Answer.NotSure, "?"),
        (new Answer { Kind = AnswerKind.NotSure, WithinDays = 30 }, "?@30"),
        (Answer.Years(34), "34 years"),
        (Answer.Quantity(18, Units.Months), "18 months"),
        (Answer.Quantity(1.5, Units.Years), "1.5 years"),
        (new Answer { Kind = AnswerKind.Number, Number = 7 }, "7"),
        (Answer.Chosen("sle"), "choice:sle"),
        (Answer.Chosen("sle", "ra"), "choice:sle,ra"),
        (Answer.Chosen(), "choice:"),
        (Answer.On(new DateOnly(2024, 3, 1)), "date:2024-03-01"),
    ];

    [Fact]
    public void TryFormat_EachKind_ShortReadableForm()
    {
        foreach (var (answer, text) in ShortForms)
        {
            AnswerText.TryFormat(answer).Should().Be(text);
        }
    }

    [Fact]
    public void TryParse_EachShortForm_TheSameAnswerBack()
    {
        foreach (var (answer, text) in ShortForms)
        {
            AnswerText.TryParse(text, out var back).Should().BeTrue(text);
            back.Should().BeEquivalentTo(answer, o => o.WithStrictOrdering(), text);
        }
    }

    [Fact]
    public void TryFormat_SomethingTheShortFormCannotHold_NullSoTheObjectIsWritten()
    {
        Answer[] lossy =
        [
            Answer.No(30) with { ImpliedBy = "pregnant" },
            Answer.Chosen("a,b"),
            Answer.Chosen(""),
            Answer.Years(34) with { WithinDays = 5 },
            new Answer { Kind = AnswerKind.Number },
            new Answer { Kind = AnswerKind.Number, Number = double.NaN, Unit = Units.Years },
            Answer.Chosen("sle") with { Unit = Units.Years },
            new Answer { Kind = AnswerKind.Date },
        ];

        foreach (var answer in lossy)
        {
            AnswerText.TryFormat(answer).Should().BeNull();
        }
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("no@")]
    [InlineData("no@soon")]
    [InlineData("date:2024-13-01")]
    [InlineData("12abc years")]
    public void TryParse_NotAShortForm_False(string text) =>
        AnswerText.TryParse(text, out _).Should().BeFalse();
}
