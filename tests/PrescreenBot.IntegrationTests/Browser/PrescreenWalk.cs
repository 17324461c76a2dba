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

    /// <summary>Answers until the bot sends <c>prescreen/result</c>; returns that event.</summary>
    public async Task<JsonObject> UntilVerdictAsync(int after = 0)
    {
        for (var answered = 0; answered < MaxAnswers; answered++)
        {
            var (next, index) = await session.WaitForBotAsync(a => IsResult(a) || IsQuestion(a), after, "question or verdict");

            // Only the latest question has its buttons on screen (e.g. the welcome's question asked again after prescreen/start).
            var activities = session.BotActivities;
            for (var later = index + 1; later < activities.Count; later++)
            {
                if (IsResult(activities[later]) || IsQuestion(activities[later]))
                {
                    (next, index) = (activities[later], later);
                }
            }

            after = index + 1;
            if (activities.FirstOrDefault(IsResult) is { } result)
            {
                return result;
            }

            await AnswerAsync(next);
        }

        throw new InvalidOperationException($"No verdict after {MaxAnswers} answers; the last question was: {session.BotActivities.LastOrDefault()?["text"]}");
    }

    public static bool IsResult(JsonObject activity) =>
        (string?)activity["type"] == "event" && (string?)activity["name"] == PrescreenEvents.Result;

    public static bool IsQuestion(JsonObject activity) =>
        (string?)activity["type"] == "message" && (string?)activity["inputHint"] == "expectingInput";

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

        if (step == StepIds.Consent && titles.Count > 0)
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
