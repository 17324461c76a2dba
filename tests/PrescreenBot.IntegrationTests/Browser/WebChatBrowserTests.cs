using System.Text.Json.Nodes;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// The real Web Chat 4.18.1 in Debian's Chromium against the whole service on a loopback port: the page, our Direct Line,
/// the real pre-screen conversation. Nothing is faked.
/// </summary>
public sealed class WebChatBrowserTests(LiveApp app, ChromiumFixture chromium) : IClassFixture<LiveApp>, IClassFixture<ChromiumFixture>
{
    private static readonly string[] Verdicts = ["likelyEligible", "needsReview", "notEligible"];

    [Fact]
    public async Task Page_Default_WelcomesWithoutTypingThenClicksAndTypingReachAVerdict()
    {
        await using var session = await WebChatSession.OpenAsync(chromium.Browser, app.BaseAddress);

        await session.SeeTextAsync(PrescreenWalk.Visible(TextCatalog.Embedded.Get(Locales.English, "welcome.intro")));
        var walk = new PrescreenWalk(session, Locales.English);
        var result = await walk.UntilVerdictAsync();
        await session.SeeTextAsync(PrescreenWalk.Visible(TextCatalog.Embedded.Get(Locales.English, "verdict.header")));

        (await session.Page.GetAttributeAsync("html", "lang")).Should().Be("en");
        walk.Clicks.Should().BeGreaterThan(2);
        walk.TypedAnswers.Should().BePositive();
        VerdictsOf(result).Should().NotBeEmpty().And.OnlyContain(v => Verdicts.Contains((string)v["verdict"]!));
        (await session.FailuresAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Page_WithTrial_SendsPrescreenStartOnConnectAndScreensOnlyThatTrial()
    {
        const string trial = "NCT06316791";
        await using var session = await WebChatSession.OpenAsync(chromium.Browser, new Uri(app.BaseAddress, $"/?trial={trial}"));

        await session.SeeTextAsync($"({trial})");
        var result = await new PrescreenWalk(session, Locales.English).UntilVerdictAsync();

        var start = session.Received.Single(a => (string?)a["type"] == "event" && (string?)a["from"]?["role"] == "user");
        ((string)start["name"]!).Should().Be("prescreen/start");
        ((string)start["value"]!["trial"]!).Should().Be(trial);
        ((string)start["value"]!["locale"]!).Should().Be(Locales.English);
        VerdictsOf(result).Select(v => (string)v["trialId"]!).Should().Equal(trial);
        (await session.FailuresAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Page_WithChineseLocale_WebChatAndTheBotSpeakChineseThroughToTheVerdict()
    {
        await using var session = await WebChatSession.OpenAsync(chromium.Browser, new Uri(app.BaseAddress, "/?locale=zh-CN"));

        await session.SeeTextAsync(PrescreenWalk.Visible(TextCatalog.Embedded.Get(Locales.SimplifiedChinese, "welcome.intro")));
        var result = await new PrescreenWalk(session, Locales.SimplifiedChinese).UntilVerdictAsync();
        await session.SeeTextAsync(PrescreenWalk.Visible(TextCatalog.Embedded.Get(Locales.SimplifiedChinese, "verdict.header")));

        (await session.Page.GetAttributeAsync("html", "lang")).Should().Be("zh-CN");
        session.Received.Where(a => (string?)a["from"]?["role"] == "user").Should().OnlyContain(a => (string?)a["locale"] == "zh-CN");
        VerdictsOf(result).Should().NotBeEmpty();
        (await session.FailuresAsync()).Should().BeEmpty();
    }

    private static IReadOnlyList<JsonObject> VerdictsOf(JsonObject result) =>
        (result["value"]!["verdicts"] as JsonArray ?? []).OfType<JsonObject>().ToList();
}
