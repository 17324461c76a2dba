using System.Text.Json;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;

namespace PrescreenBot.IntegrationTests.Infrastructure;

/// <summary>
/// One patient talking to the real pre-screen over <c>/api/messages</c> (Emulator channel, <c>expectReplies</c>): agrees,
/// answers plainly, says "No" where offered. Keeps the answers given and the bot's last replies, so a test can replay
/// the same answers in another conversation and compare where both stand.
/// </summary>
public sealed class ConnectorPatient(HttpClient client, string conversationId)
{
    /// <summary>The text of the host's reply when storage is down or hung (HostReplies.StorageUnavailable, en-US).</summary>
    public const string TryAgainMarker = "try again in a moment";

    private readonly List<string> _answers = [];

    public IReadOnlyList<string> Answers => _answers;

    public IReadOnlyList<Activity> LastReplies { get; private set; } = [];

    /// <summary>The step id (<c>channelData.prescreenStep</c>) of the last question asked.</summary>
    public string? CurrentStep => Step(LastReplies);

    /// <summary>The text of the last question asked.</summary>
    public string? CurrentQuestion => LastReplies.LastOrDefault(r => r.InputHint == InputHints.ExpectingInput)?.Text;

    /// <summary>What this patient answers to the current question.</summary>
    public string NextAnswer => Answer(LastReplies) ?? throw new InvalidOperationException($"The bot asked nothing to answer; last replies: {Describe(LastReplies)}");

    /// <summary>Joins (conversationUpdate, as the Emulator does), which brings the welcome and the first question.</summary>
    public async Task JoinAsync()
    {
        var update = ActivityPosting.Message(string.Empty, BotChannels.Emulator, conversationId);
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.Conversation!.ConversationType = "personal";
        update.MembersAdded = [new ChannelAccount("bot-1"), new ChannelAccount("user-1")];
        LastReplies = await client.ExpectRepliesAsync(update);
    }

    /// <summary>Answers the current question <paramref name="turns"/> times.</summary>
    public async Task AnswerAsync(int turns)
    {
        for (var turn = 0; turn < turns; turn++)
        {
            await SayAsync(NextAnswer);
        }
    }

    /// <summary>Replays another patient's answers in this conversation.</summary>
    public async Task ReplayAsync(IEnumerable<string> answers)
    {
        foreach (var answer in answers)
        {
            await SayAsync(answer);
        }
    }

    /// <summary>Sends one message; the replies are kept, and the answer too unless the host asked to try again.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        var replies = await client.ExpectRepliesAsync(ActivityPosting.Message(text, BotChannels.Emulator, conversationId));
        if (!IsTryAgain(replies))
        {
            _answers.Add(text);
            LastReplies = replies;
        }

        return replies;
    }

    public static bool IsTryAgain(IReadOnlyList<Activity> replies) =>
        replies.Count == 1 && replies[0].Text is { } text && text.Contains(TryAgainMarker, StringComparison.Ordinal);

    public static string Describe(IReadOnlyList<Activity> replies) =>
        string.Join(" | ", replies.Select(r => $"{r.Type}:{r.Text ?? r.Name}"));

    /// <summary>The step the last question among <paramref name="replies"/> belongs to (its <c>channelData.prescreenStep</c>).</summary>
    public static string? Step(IReadOnlyList<Activity> replies) =>
        replies.Select(r => r.ChannelData).OfType<JsonElement>()
            .Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("prescreenStep", out _))
            .Select(d => d.GetProperty("prescreenStep").GetString())
            .LastOrDefault();

    /// <summary>A patient who agrees, answers plainly and says "No" to exclusion questions; null when nothing was asked.</summary>
    public static string? Answer(IReadOnlyList<Activity> replies)
    {
        var question = replies.LastOrDefault(r => r.SuggestedActions is not null || r.InputHint == InputHints.ExpectingInput);
        var options = question?.SuggestedActions?.Actions.Select(a => a.Value?.ToString() ?? a.Title!).ToList() ?? [];
        var keys = question?.ChannelData is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("keys", out var list)
            ? list.EnumerateArray().Select(k => k.GetString()).ToList()
            : [];
        return Step(replies) switch
        {
            null when question is null => null,
            "consent" => "Yes",
            "intake:country" => "China",
            "intake:city" => "Shanghai",
            _ when keys.Contains("age") => "34",
            _ when keys.Contains("diagnosis-duration") => "24",
            _ => options.FirstOrDefault(o => o == "No") ?? options.FirstOrDefault() ?? "not sure",
        };
    }
}
