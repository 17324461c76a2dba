using System.Text.RegularExpressions;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Resources;

/// <summary>Every text key the code uses exists, and every text resource is used: no missing wording, no dead wording.</summary>
public sealed partial class TextKeysUsageTests
{
    private static readonly Lazy<string> Source = new(() => string.Join("\n",
        Directory.GetFiles(Path.Combine(Path.GetDirectoryName(SeedDialogs.Directory())!, "src", "PrescreenBot.Conversation"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    [Fact]
    public void Code_EveryQuotedTextKey_ExistsInTheCatalog()
    {
        var known = TextCatalog.Embedded.KeysOf(Locales.English).ToHashSet();
        var used = KeyLiteral().Matches(Source.Value).Select(m => m.Groups[1].Value).Where(LooksLikeTextKey).Distinct().ToList();

        used.Should().NotBeEmpty();
        used.Where(k => !known.Contains(k)).Should().BeEmpty();
    }

    [Fact]
    public void Catalog_EveryKey_IsUsedByTheCode()
    {
        var dynamicPrefixes = new[] { "words.condition.", "handoff.bestTime.", "verdict.likelyEligible.", "verdict.needsReview." };
        var unused = TextCatalog.Embedded.KeysOf(Locales.English)
            .Where(k => !dynamicPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .Where(k => !Source.Value.Contains('"' + k + '"', StringComparison.Ordinal))
            .ToList();

        unused.Should().BeEmpty();
    }

    private static bool LooksLikeTextKey(string literal) =>
        literal.Contains('.', StringComparison.Ordinal) && !literal.Contains(' ', StringComparison.Ordinal)
        && TextCatalog.Embedded.KeysOf(Locales.English).Any(k => k.StartsWith(literal.Split('.')[0] + ".", StringComparison.Ordinal));

    [GeneratedRegex("\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"")]
    private static partial Regex KeyLiteral();
}
