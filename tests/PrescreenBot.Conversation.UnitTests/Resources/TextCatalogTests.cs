using System.Text.RegularExpressions;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.UnitTests.Resources;

public sealed partial class TextCatalogTests
{
    [Fact]
    public void Embedded_BothLocales_AreLoaded()
    {
        TextCatalog.Embedded.LocalesLoaded.Should().BeEquivalentTo(Locales.Supported);
    }

    [Fact]
    public void Embedded_ChineseAndEnglish_HaveTheSameKeys()
    {
        var english = TextCatalog.Embedded.KeysOf(Locales.English);
        var chinese = TextCatalog.Embedded.KeysOf(Locales.SimplifiedChinese);

        chinese.Should().BeEquivalentTo(english, "zh-CN must be complete for the whole flow");
    }

    [Fact]
    public void Embedded_EachText_UsesTheSamePlaceholdersInBothLocales()
    {
        foreach (var key in TextCatalog.Embedded.KeysOf(Locales.English))
        {
            var english = Placeholders(TextCatalog.Embedded.Get(Locales.English, key));
            var chinese = Placeholders(TextCatalog.Embedded.Get(Locales.SimplifiedChinese, key));
            chinese.Should().BeEquivalentTo(english, $"placeholders of '{key}' must match");
        }
    }

    [Fact]
    public void Embedded_ChineseTexts_AreTranslated()
    {
        var untranslated = TextCatalog.Embedded.KeysOf(Locales.SimplifiedChinese)
            .Where(key => !key.StartsWith("words.", StringComparison.Ordinal))
            .Where(key => PlaceholderPattern().Replace(TextCatalog.Embedded.Get(Locales.English, key), string.Empty).Any(char.IsAsciiLetter))
            .Where(key => TextCatalog.Embedded.Get(Locales.SimplifiedChinese, key) == TextCatalog.Embedded.Get(Locales.English, key))
            .ToList();

        untranslated.Should().BeEmpty();
    }

    [Fact]
    public void Get_NamedArguments_AreFilledIn()
    {
        var text = TextCatalog.Embedded.Get(Locales.English, "screening.progress", ("number", 4), ("total", 10), ("possible", 3));

        text.Should().Be("Question 4 of about 10 · 3 studies still possible");
    }

    [Fact]
    public void Get_UnsupportedLocale_FallsBackToEnglish()
    {
        TextCatalog.Embedded.Get("fr-FR", "choice.yes").Should().Be("Yes");
    }

    [Fact]
    public void Get_UnknownKey_Throws()
    {
        var act = () => TextCatalog.Embedded.Get(Locales.English, "no.such.key");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*no.such.key*");
    }

    [Theory]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh_cn", "zh-CN")]
    [InlineData("en-GB", "en-US")]
    [InlineData("de-DE", null)]
    [InlineData(null, null)]
    public void TryNormalize_ChannelLocales_MapOntoSupportedOnes(string? given, string? expected)
    {
        Locales.TryNormalize(given).Should().Be(expected);
    }

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex PlaceholderPattern();
}
