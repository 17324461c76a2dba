using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PrescreenBot.Bot.Schema;
using PrescreenBot.IntegrationTests.Infrastructure;
using PrescreenBot.Referrals.Transcripts;
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

    [Fact]
    public async Task Messages_DeleteMyDataConfirmed_NothingOfTheConversationLeftInTheTranscript()
    {
        const string conversationId = "emulator-delete-data";
        var patient = new ConnectorPatient(_client, conversationId);
        await patient.JoinAsync();
        await patient.AnswerAsync(3);
        await patient.SayAsync("delete my data");

        var deleted = await patient.SayAsync("Yes");
        // Each turn starts once the previous turn's entries are written: after these two, all before them are in the store.
        await patient.SayAsync("hello");
        await patient.SayAsync("hello again");

        deleted.Should().Contain(r => r.Text != null && r.Text.Contains("your data has been deleted", StringComparison.Ordinal));
        var entries = await _app.Services.GetRequiredService<ITranscriptStore>().ReadAsync(BotChannels.Emulator, conversationId);
        entries.Should().NotBeEmpty("the turn after the deletion is recorded as usual");
        entries.Select(e => e.Entry.ActivityJson).Should().NotContain(
            json => json.Contains("delete my data", StringComparison.Ordinal) || json.Contains("has been deleted", StringComparison.Ordinal),
            "what was said before the deletion, and the deletion turn itself, are gone");
        entries[0].Entry.ActivityJson.Should().Contain("\"hello\"");
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
