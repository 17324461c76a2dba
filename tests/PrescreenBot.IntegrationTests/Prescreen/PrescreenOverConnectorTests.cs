using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.IntegrationTests.Infrastructure;
using BotChannels = PrescreenBot.Bot.Schema.Channels;

namespace PrescreenBot.IntegrationTests.Prescreen;

/// <summary>The real pre-screen conversation (dialogs/*.yaml, PrescreenBotHandler) behind /api/messages.</summary>
public sealed class PrescreenOverConnectorTests : IDisposable
{
    private readonly RealBotApp _app = new();
    private readonly HttpClient _client;

    public PrescreenOverConnectorTests() => _client = _app.CreateHttpClient();

    [Fact]
    public async Task Messages_TeamsPersonalInstall_WelcomeAndConsentAsAdaptiveCard()
    {
        var replies = await _client.ExpectRepliesAsync(Install("a:teams-install"));

        replies.Should().Contain(r => r.Text != null && r.Text.Contains("PrescreenBot", StringComparison.Ordinal));
        var consent = replies.Last(r => r.Attachments is { Count: > 0 });
        consent.SuggestedActions.Should().BeNull();
        var card = (JsonElement)consent.Attachments![0].Content!;
        card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).Should().Contain(["Yes", "No"]);
    }

    [Fact]
    public async Task Messages_TeamsCardSubmitOfConsent_ScreeningMovesOn()
    {
        var welcome = await _client.ExpectRepliesAsync(Install("a:teams-consent"));
        var yes = ((JsonElement)welcome.Last(r => r.Attachments is { Count: > 0 }).Attachments![0].Content!)
            .GetProperty("actions").EnumerateArray().First(a => a.GetProperty("title").GetString() == "Yes").GetProperty("data");
        var submit = ActivityPosting.Message(string.Empty, conversationId: "a:teams-consent");
        submit.Text = null;
        submit.Value = yes;

        var replies = await _client.ExpectRepliesAsync(submit);

        ConnectorPatient.Step(replies).Should().NotBeNull().And.NotBe("consent", "the clicked Yes was taken as consent");
    }

    [Fact]
    public async Task Messages_WholePrescreenOverEmulatorChannel_EndsWithResultEvent()
    {
        var update = Install("emulator-whole-screen", BotChannels.Emulator);
        var replies = await _client.ExpectRepliesAsync(update);
        var sawResult = false;
        for (var turn = 0; turn < 80 && !sawResult; turn++)
        {
            var answer = ConnectorPatient.Answer(replies);
            answer.Should().NotBeNull($"the bot should keep asking until the result (turn {turn})");
            replies = await _client.ExpectRepliesAsync(ActivityPosting.Message(answer!, BotChannels.Emulator, "emulator-whole-screen"));
            sawResult = replies.Any(r => r.IsType(ActivityTypes.Event) && r.Name == "prescreen/result");
        }

        sawResult.Should().BeTrue();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private static Activity Install(string conversationId, string channelId = BotChannels.Msteams)
    {
        var update = ActivityPosting.Message(string.Empty, channelId, conversationId);
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.Conversation!.ConversationType = "personal";
        update.MembersAdded = [new ChannelAccount("28:bot-1"), new ChannelAccount("29:user-1")];
        return update;
    }

    private sealed class RealBotApp() : PrescreenBotApp(new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty, ["Limits:ConversationRate:Enabled"] = "false" })
    {
        protected override bool UseRealBot => true;
    }
}
