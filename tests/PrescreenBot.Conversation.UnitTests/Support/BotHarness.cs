using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Testing;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Conversation.Verdicts;

namespace PrescreenBot.Conversation.UnitTests.Support;

/// <summary>
/// One test conversation with the real bot: <see cref="PrescreenBotHandler"/> on <see cref="TestAdapter"/> and
/// <see cref="MemoryStorage"/>, a manual clock, the in-memory referral service. Every turn goes through the real pipeline
/// and storage (state is serialized between turns), so resuming and ETags behave as in production.
/// </summary>
public sealed class BotHarness
{
    public BotHarness(TrialCatalog catalog, string locale = "en-US", ISiteDirectory? sites = null, PrescreenOptions? options = null, string channelId = Channels.Test)
    {
        Catalog = catalog;
        Clock = new ManualTimeProvider();
        Storage = new MemoryStorage();
        Referrals = new InMemoryReferralService();
        Sites = sites ?? InMemorySiteDirectory.ForSeedTrials(catalog.Sets.Select(s => s.Trial.Id));
        Adapter = new TestAdapter(channelId, locale, Clock);
        Bot = PrescreenBotHandler.Create(Storage, catalog, Sites, Referrals, options, Clock);
    }

    public TrialCatalog Catalog { get; }

    public ManualTimeProvider Clock { get; }

    public MemoryStorage Storage { get; }

    public InMemoryReferralService Referrals { get; }

    public ISiteDirectory Sites { get; }

    public TestAdapter Adapter { get; }

    public PrescreenBotHandler Bot { get; }

    /// <summary>Every activity the bot sent, in order.</summary>
    public List<Activity> Transcript { get; } = [];

    /// <summary>The most recent question the bot asked.</summary>
    public Activity? LastQuestion => Transcript.LastOrDefault(a => a.ChannelData is PrescreenStepData);

    public string? CurrentStep => (LastQuestion?.ChannelData as PrescreenStepData)?.PrescreenStep;

    public IReadOnlyList<string> CurrentKeys => (LastQuestion?.ChannelData as PrescreenStepData)?.Keys ?? [];

    public TestFlow Flow() => new(Adapter, Bot);

    public Task<IReadOnlyList<Activity>> JoinAsync() => RunAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [Adapter.Conversation.User!, Adapter.Conversation.Bot!],
    });

    public Task<IReadOnlyList<Activity>> SayAsync(string text) => RunAsync(Adapter.MakeActivity(text));

    public Task<IReadOnlyList<Activity>> StartEventAsync(string trial, string? locale = null) => RunAsync(new Activity
    {
        Type = ActivityTypes.Event,
        Name = PrescreenEvents.Start,
        Value = JsonSerializer.SerializeToElement(locale is null ? new Dictionary<string, string> { ["trial"] = trial }
            : new Dictionary<string, string> { ["trial"] = trial, ["locale"] = locale }),
    });

    /// <summary>The <c>prescreen/result</c> events sent so far, as their JSON payload (as a channel would carry it).</summary>
    public IReadOnlyList<JsonElement> ResultEvents => [.. Transcript
        .Where(a => a.Type == ActivityTypes.Event && a.Name == PrescreenEvents.Result)
        .Select(a => JsonSerializer.SerializeToElement(a.Value, BotJson.Options))];

    public PrescreenResult? LastResult => Transcript
        .LastOrDefault(a => a.Type == ActivityTypes.Event && a.Name == PrescreenEvents.Result)?.Value as PrescreenResult;

    /// <summary>The stored session, read back from storage as the next turn would see it.</summary>
    public async Task<PrescreenSession> StoredSessionAsync()
    {
        var key = $"{Adapter.Conversation.ChannelId}/conversations/{Adapter.Conversation.Conversation!.Id}";
        var items = await Storage.ReadAsync<BotStateDocument>([key]);
        return StateValues.ConvertTo<PrescreenSession>(items[key].State[PrescreenBotHandler.SessionProperty])!;
    }

    public string AllText(IEnumerable<Activity> replies) => string.Join("\n", replies.Where(r => r.Text is not null).Select(r => r.Text));

    /// <summary>Sends any activity as a channel would (its own locale, channel data and shape) and returns the replies.</summary>
    public Task<IReadOnlyList<Activity>> SendAsync(Activity activity) => RunAsync(activity);

    private async Task<IReadOnlyList<Activity>> RunAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        Transcript.AddRange(replies);
        return replies;
    }
}

public static class BotHarnessResults
{
    /// <summary>The verdict string of <paramref name="trialId"/> in the last <c>prescreen/result</c> event, read from its JSON.</summary>
    public static string? LastResultVerdict(this BotHarness bot, string trialId) => bot.ResultEvents.LastOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } last
        ? last.GetProperty("verdicts").EnumerateArray().Where(v => v.GetProperty("trialId").GetString() == trialId)
            .Select(v => v.GetProperty("verdict").GetString()).FirstOrDefault()
        : null;
}
