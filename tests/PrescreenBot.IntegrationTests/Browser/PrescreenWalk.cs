using System.Text.Json.Nodes;
using PrescreenBot.Conversation;
using PrescreenBot.Conversation.Flow;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// Walks a patient through the real pre-screen in the browser until the verdict: agrees to the check, picks answers by
/// clicking suggested actions, types what has no button (age, country, city). Reads each question's step id and
/// expected answer from its <c>channelData</c>, so it follows the conversation as it evolves rather than a fixed script.
/// </summary>
public sealed class PrescreenWalk(WebChatSession session, string locale)
{
    /// <summary>A pre-screen asks about 15–25 questions; far more means the walk is stuck in a loop.</summary>
    private const int MaxAnswers = 60;

    public int Clicks { get; private set; }

    public int TypedAnswers { get; private set; }

    /// <summary>
    /// Answers by step id (<c>channelData.prescreenStep</c>) that take precedence over the structural defaults: a value
    /// that is one of the offered buttons is clicked, anything else is typed. A persona (age, condition, city) and the
    /// referral step's contact details go here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>Answers until the bot sends <c>prescreen/result</c>; returns that event.</summary>
    public Task<JsonObject> UntilVerdictAsync(int after = 0) => UntilAsync(IsResult, "verdict", after);

    /// <summary>
    /// After <see cref="UntilVerdictAsync"/>: answers the questions that follow the verdict (sharing consent, site, contact
    /// details, summary) until <c>prescreen/referral</c>; returns that event.
    /// </summary>
    public Task<JsonObject> UntilReferralAsync()
    {
        // Start after the verdict, so a screening question already answered is never taken for the next one.
        var verdictAt = session.BotActivities.ToList().FindIndex(IsResult);
        return verdictAt < 0
            ? throw new InvalidOperationException("No verdict yet: walk UntilVerdictAsync first.")
            : UntilAsync(IsReferral, "referral", verdictAt + 1);
    }

    private async Task<JsonObject> UntilAsync(Func<JsonObject, bool> isEnd, string what, int after)
    {
        for (var answered = 0; answered < MaxAnswers; answered++)
        {
            var (next, index) = await session.WaitForBotAsync(a => isEnd(a) || IsQuestion(a), after, $"question or {what}");

            // Only the latest question has its buttons on screen (e.g. the welcome's question asked again after prescreen/start).
            var activities = session.BotActivities;
            for (var later = index + 1; later < activities.Count; later++)
            {
                if (isEnd(activities[later]) || IsQuestion(activities[later]))
                {
                    (next, index) = (activities[later], later);
                }
            }

            after = index + 1;
            if (activities.FirstOrDefault(isEnd) is { } end)
            {
                return end;
            }

            await AnswerAsync(next);
        }

        throw new InvalidOperationException($"No {what} after {MaxAnswers} answers; the last question was: {session.BotActivities.LastOrDefault()?["text"]}");
    }

    public static bool IsResult(JsonObject activity) =>
        (string?)activity["type"] == "event" && (string?)activity["name"] == PrescreenEvents.Result;

    public static bool IsReferral(JsonObject activity) =>
        (string?)activity["type"] == "event" && (string?)activity["name"] == PrescreenEvents.Referral;

    /// <summary>
    /// A question names its step in <c>channelData.prescreenStep</c>. A remark said while a question waits (e.g. "You're
    /// checking … (NCT…)" after <c>prescreen/start</c>) repeats that question's buttons but is not a new question: taking it
    /// for one would answer the same question twice when it arrives after the patient already answered.
    /// </summary>
    public static bool IsQuestion(JsonObject activity) =>
        (string?)activity["type"] == "message" && (string?)activity["inputHint"] == "expectingInput"
        && activity["channelData"]?["prescreenStep"] is not null;

    /// <summary>The longest piece of a catalog text that renders verbatim (Web Chat's markdown turns quotes typographic).</summary>
    public static string Visible(string text) =>
        text.Split(['"', '\'', '“', '”', '‘', '’', '\n', '*', '_', '`', '{', '}'], StringSplitOptions.TrimEntries)
            .OrderByDescending(piece => piece.Length)
            .First();

    /// <summary>
    /// Picks the answer from the question's structure (its <c>channelData</c>: step id, question keys, expected kind of
    /// answer), not its wording: agree to the check, "No" to yes/no questions (so the screen runs through), the first
    /// choice, and typed values where a patient types: age, country, city, numbers, dates.
    /// </summary>
    private async Task AnswerAsync(JsonObject question)
    {
        var titles = (question["suggestedActions"]?["actions"] as JsonArray ?? [])
            .Select(action => (string?)action?["title"])
            .OfType<string>()
            .ToList();
        var data = question["channelData"] as JsonObject;
        var step = (string?)data?["prescreenStep"] ?? string.Empty;
        var expects = (string?)data?["expects"] ?? string.Empty;
        var keys = (data?["keys"] as JsonArray ?? []).Select(k => (string?)k).ToList();
        try
        {
            await AnswerAsync(step, expects, keys, titles);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Could not answer step '{step}' ({question["text"]}; buttons: {string.Join(", ", titles)}): {ex.Message}{Environment.NewLine}The bot's last activities: {Recent()}", ex);
        }
    }

    private async Task AnswerAsync(string step, string expects, IReadOnlyList<string?> keys, IReadOnlyList<string> titles)
    {
        if (Answers.TryGetValue(step, out var given))
        {
            if (titles.Contains(given))
            {
                await ClickAsync(given);
            }
            else
            {
                await session.TypeAsync(given);
                TypedAnswers++;
            }
        }
        else if (step == StepIds.Consent && titles.Count > 0)
        {
            await ClickAsync(titles[0]); // Yes, I agree to the check.
        }
        else if (Typed(step, expects, keys) is { } typed)
        {
            await session.TypeAsync(typed);
            TypedAnswers++;
        }
        else if (expects == "yesNo" && titles.Count >= 2)
        {
            await ClickAsync(titles[1]); // Yes / No (/ Not sure): no.
        }
        else if (titles.Count > 0)
        {
            await ClickAsync(titles[0]); // The first choice: the patient themself, the first condition.
        }
        else
        {
            await session.TypeAsync(Chinese ? "没有" : "no");
            TypedAnswers++;
        }
    }

    private string Recent() => string.Join(" | ", session.BotActivities.TakeLast(6).Select(a =>
        $"{a["type"]}/{a["name"]}/{a["channelData"]?["prescreenStep"]}: {Shorten((string?)a["text"])} [{string.Join(",", (a["suggestedActions"]?["actions"] as JsonArray ?? []).Select(x => (string?)x?["title"]))}]"));

    private static string? Shorten(string? text) => text is { Length: > 60 } ? text[..60] + "…" : text;

    private bool Chinese => Locales.IsChinese(locale);

    /// <summary>What a patient would type for questions answered in their own words.</summary>
    private string? Typed(string step, string expects, IReadOnlyList<string?> keys) => step switch
    {
        StepIds.Country => Chinese ? "中国" : "China",
        StepIds.City => Chinese ? "杭州" : "Hangzhou",
        _ when keys.Contains("age") => "45",
        _ when expects == "number" => "2",
        _ when expects == "date" => "2020-03-01",
        _ => null,
    };

    private async Task ClickAsync(string title)
    {
        await session.ClickSuggestedActionAsync(title);
        Clicks++;
    }
}
