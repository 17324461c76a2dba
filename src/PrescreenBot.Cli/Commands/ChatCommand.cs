using System.Globalization;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Referrals;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Screening;
using PrescreenBot.Trials.DialogFiles;

namespace PrescreenBot.Cli.Commands;

/// <summary>
/// <c>chat [--trial ID] [--locale zh-CN] [--dialogs dir]</c>: the pre-screen in a terminal, a console channel over the same
/// bot as the web service. Suggested actions are shown as numbered options; "stop" (after the bot has said so) or end of
/// input (Ctrl+D) leaves. Referrals made here are kept in memory only and sent nowhere: this is a way to try the conversation.
/// <paramref name="repositoryRoot"/> is where dialogs/ and appsettings.json are looked for; null finds the repository by
/// walking up from the current folder (tests pass a temporary folder).
/// </summary>
public sealed class ChatCommand(TextReader input, TimeProvider clock, string? repositoryRoot = null) : ICommand
{
    public const int InputError = 1;

    private const string Channel = "console";

    public string Name => "chat";

    public string Usage => "chat [--trial ID] [--locale zh-CN] [--dialogs dir]   talk to the pre-screen bot in this terminal";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var trial, out var locale, out var dialogs, out var problem))
        {
            await error.WriteLineAsync($"error: {problem}\nusage: prescreen {Usage}");
            return CommandTable.UsageError;
        }

        TrialCatalog catalog;
        var folder = dialogs ?? Path.Combine(Root(), "dialogs");
        try
        {
            catalog = TrialCatalog.FromDirectory(folder);
        }
        catch (Exception e) when (e is DialogFileException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return InputError;
        }

        if (catalog.Sets.Count == 0)
        {
            // Without question sets every patient would hear "no study fits": say what is wrong instead.
            await error.WriteLineAsync($"error: {folder}: no question sets (*{DialogFile.Extension}) to screen with; create them with 'prescreen derive <sources> --out {folder}'.");
            return InputError;
        }

        ISiteDirectory sites;
        try
        {
            sites = SitesFromAppSettings(Root());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"error: {Path.Combine(Root(), "appsettings.json")}: cannot read its Sites section ({e.Message}).");
            return InputError;
        }

        var storage = new MemoryStorage();
        var bot = PrescreenBotHandler.Create(storage, catalog, sites, new InMemoryReferrals(), timeProvider: clock);
        var adapter = new ConsoleAdapter(output);
        var conversation = new ConversationReference
        {
            ChannelId = Channel,
            Conversation = new ConversationAccount("console-" + Guid.NewGuid().ToString("N"), isGroup: false, conversationType: "personal"),
            User = new ChannelAccount("user", "You", RoleTypes.User),
            Bot = new ChannelAccount("bot", "PrescreenBot", RoleTypes.Bot),
            Locale = locale,
        };

        // Like a site's "check if you qualify" link: with a trial, the start event opens the conversation (and greets);
        // without one, joining does.
        var opening = trial is null
            ? new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [conversation.User, conversation.Bot] }
            : new Activity { Type = ActivityTypes.Event, Name = PrescreenEvents.Start, Value = JsonSerializer.SerializeToElement(new { trial, locale }) };
        await adapter.RunAsync(Incoming(conversation, opening), bot, cancellationToken);

        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var text = adapter.Resolve(line.Trim());
            await adapter.RunAsync(Incoming(conversation, new Activity { Type = ActivityTypes.Message, Text = text }), bot, cancellationToken);
            if (ConversationCommands.Recognize(text, locale, TextCatalog.Embedded) == ConversationCommand.Stop)
            {
                // The bot has confirmed the stop; in a terminal, stopping means leaving.
                break;
            }
        }

        return 0;
    }

    private Activity Incoming(ConversationReference conversation, Activity activity)
    {
        activity.ApplyConversationReference(conversation, isIncoming: true);
        activity.Id = Guid.NewGuid().ToString("N");
        activity.Timestamp = clock.GetUtcNow();
        activity.Locale = conversation.Locale;
        return activity;
    }

    private static bool TryParse(IReadOnlyList<string> args, out string? trial, out string locale, out string? dialogs, out string? problem)
    {
        trial = null;
        dialogs = null;
        locale = Locales.Default;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--trial" when value is not null:
                    trial = value;
                    break;
                case "--locale" when Locales.TryNormalize(value) is { } known:
                    locale = known;
                    break;
                case "--locale":
                    problem = $"--locale must be one of {string.Join(", ", Locales.Supported)}.";
                    return false;
                case "--dialogs" when value is not null:
                    dialogs = value;
                    break;
                default:
                    problem = $"unexpected argument '{args[i]}'.";
                    return false;
            }

            i++;
        }

        return true;
    }

    /// <summary>The given root, else the repository this is run from (found by walking up to PrescreenBot.sln), else the current folder.</summary>
    private string Root() => repositoryRoot ?? RepositoryRoot() ?? Directory.GetCurrentDirectory();

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PrescreenBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The <c>Sites</c> of the root appsettings.json (the site directory contract of issue 7), if there is one.</summary>
    private static ISiteDirectory SitesFromAppSettings(string root)
    {
        var file = Path.Combine(root, "appsettings.json");
        var sites = new List<StudySite>();
        if (File.Exists(file))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.TryGetProperty("Sites", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                sites.AddRange(list.EnumerateArray().Select(s => new StudySite(
                    Text(s, "Id"), Text(s, "Name"), Text(s, "City"), Text(s, "Country"),
                    s.TryGetProperty("Trials", out var trials) ? [.. trials.EnumerateArray().Select(t => t.GetString() ?? string.Empty)] : [])));
            }
        }

        return new SiteList(sites);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;

    private sealed class SiteList(IReadOnlyList<StudySite> sites) : ISiteDirectory
    {
        public IReadOnlyList<StudySite> SitesForTrial(string trialId) =>
            [.. sites.Where(s => s.Trials.Contains(trialId, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>Referrals made in a terminal stay in this process: nothing is sent to any site.</summary>
    private sealed class InMemoryReferrals : IReferralService
    {
        private readonly Dictionary<string, ReferralReceipt> byKey = new(StringComparer.Ordinal);

        public Task<ReferralReceipt> CreateAsync(ReferralRequest request, CancellationToken cancellationToken = default)
        {
            if (!byKey.TryGetValue(request.IdempotencyKey, out var receipt))
            {
                receipt = new ReferralReceipt("local-" + (byKey.Count + 1).ToString(CultureInfo.InvariantCulture), request.TrialId, request.SiteId, Created: true);
                byKey[request.IdempotencyKey] = receipt;
            }

            return Task.FromResult(receipt);
        }

        public Task<int> DeletePatientDataAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
        {
            var removed = byKey.Count;
            byKey.Clear();
            return Task.FromResult(removed);
        }
    }

    /// <summary>The console channel: prints replies, numbers their suggested actions, and reads "2" as the second one.</summary>
    private sealed class ConsoleAdapter(TextWriter output) : BotAdapter
    {
        private IReadOnlyList<string> options = [];

        public async Task RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
        {
            await RunPipelineAsync(new TurnContext(this, activity), bot.OnTurnAsync, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        /// <summary>A number picks the numbered option, unless the question asks for a number.</summary>
        public string Resolve(string line) =>
            int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count ? options[n - 1] : line;

        public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            foreach (var activity in activities)
            {
                if (activity.IsType(ActivityTypes.Event))
                {
                    await output.WriteLineAsync($"  · event {activity.Name}: {JsonSerializer.Serialize(activity.Value, BotJson.Options)}");
                    continue;
                }

                if (!activity.IsType(ActivityTypes.Message))
                {
                    continue;
                }

                await output.WriteLineAsync();
                await output.WriteLineAsync(activity.Text);
                var titles = activity.SuggestedActions?.Actions.Select(a => a.Title ?? a.Value?.ToString() ?? string.Empty).ToList() ?? [];
                var expectsNumber = activity.ChannelData is PrescreenStepData { Expects: "number" or "date" or "text" };
                options = expectsNumber ? [] : titles;
                for (var i = 0; i < titles.Count; i++)
                {
                    await output.WriteLineAsync(expectsNumber ? $"   ({titles[i]})" : $"   {i + 1}. {titles[i]}");
                }
            }

            if (activities.Any(a => a.IsType(ActivityTypes.Message) && a.InputHint == InputHints.ExpectingInput))
            {
                await output.WriteAsync("> ");
            }

            return [.. activities.Select(a => new ResourceResponse(a.Id))];
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A terminal cannot change what it already printed.");

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A terminal cannot delete what it already printed.");
    }
}
