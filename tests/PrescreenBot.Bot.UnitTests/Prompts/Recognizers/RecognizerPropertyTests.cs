using FsCheck;
using FsCheck.Fluent;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Prompts.Recognizers;

namespace PrescreenBot.Bot.UnitTests.Prompts.Recognizers;

/// <summary>Whatever a user types, recognizers answer or say "not understood" — they never throw.</summary>
public sealed class RecognizerPropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly IList<Choice> Choices = ChoiceFactory.ToChoices(["Car", "Bus", "Bicycle", "不确定"]);

    private static readonly string[] Fragments =
    [
        "yes", "no", "not", "sure", "2", "42.5", "-", "forty", "-two", "hundred", "and", "a", "first", "last", "ago", "weeks", "march",
        "2024", "-03-", "/", "年", "月", "日", "前", "个", "十", "百", "万", "亿", "点", "两", "〇", "第", "不", "是", "？", "?", " ", ",",
        "9999999999999999999999", "1e308", "\u0000", "\uD83D\uDE00", "\uD800", "\uDC00", "ｙｅｓ", "１２", "\u200B", "\t", "'", "’",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
                Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts)))
            .ToArbitrary();

    [Fact]
    public void AllRecognizers_ArbitraryText_NeverThrow()
    {
        Prop.ForAll(Texts(), text =>
        {
            foreach (var recognizer in new[] { LanguageRecognizers.ForLocale("en-US"), LanguageRecognizers.ForLocale("zh-CN") })
            {
                _ = recognizer.RecognizeYesNoUnsure(text);
                _ = recognizer.RecognizeNumber(text);
                _ = recognizer.RecognizeOrdinal(text);
                _ = recognizer.RecognizeDate(text, Today);
                _ = recognizer.RecognizeCommand(text);
                _ = ChoiceRecognizer.Recognize(text, Choices, recognizer);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("\uD800yes")]
    [InlineData("yes\uDC00")]
    public void Recognizers_BrokenSurrogates_StillRecognize(string text)
    {
        LanguageRecognizers.English.RecognizeYesNoUnsure(text).Should().Be(YesNoUnsure.Yes);
    }

    [Fact]
    public void Recognizers_VeryLongText_LookAtTheStartOnly()
    {
        var text = "42 " + new string('a', 100_000) + " weeks ago";

        LanguageRecognizers.English.RecognizeNumber(text).Should().Be(42);
        LanguageRecognizers.English.RecognizeDate(text, Today).Should().BeNull();
    }

    [Fact]
    public void ChoiceRecognizer_ArbitraryText_ResultIsOneOfTheChoices()
    {
        Prop.ForAll(Texts(), text =>
        {
            var found = ChoiceRecognizer.Recognize(text, Choices, LanguageRecognizers.English);
            return found is null || (found.Index >= 0 && found.Index < Choices.Count && found.Value == Choices[found.Index].Value);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RecognizeNumber_AnyInteger_RoundTripsThroughDigits()
    {
        Prop.ForAll<int>(n => LanguageRecognizers.English.RecognizeNumber(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) == n)
            .QuickCheckThrowOnFailure();
    }
}
