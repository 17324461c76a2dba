using System.Text.Json.Nodes;
using PrescreenBot.Conversation;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.IntegrationTests.Browser;

/// <summary>
/// Walks a patient through the real pre-screen in the browser until the verdict: agrees to the check, picks answers by
/// clicking suggested actions, types what has no button (age, country, city). Knows the bot only through what it shows
/// and its text catalog, so it follows the conversation as it evolves rather than a fixed script.
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

    private async Task AnswerAsync(JsonObject question)
    {
        var text = (string?)question["text"] ?? string.Empty;
        var titles = (question["suggestedActions"]?["actions"] as JsonArray ?? [])
            .Select(action => (string?)action?["title"])
            .OfType<string>()
            .ToList();

        if (text.Contains(Visible(TextCatalog.Embedded.Get(locale, "consent.prompt")), StringComparison.Ordinal))
        {
            await ClickAsync(titles[0]); // Yes, I agree to the check.
        }
        else if (Typed(text) is { } typed)
        {
            await session.TypeAsync(typed);
            TypedAnswers++;
        }
        else if (titles.Count == 3)
        {
            await ClickAsync(titles[1]); // Yes / No / Not sure: no.
        }
        else if (titles.Count > 0)
        {
            await ClickAsync(titles[0]); // The first choice: the patient themself, the first condition, "skip".
        }
        else
        {
            await session.TypeAsync(Chinese ? "没有" : "no");
            TypedAnswers++;
        }
    }

    private bool Chinese => Locales.IsChinese(locale);

    /// <summary>What a patient would type for questions answered in their own words.</summary>
    private string? Typed(string question)
    {
        var lower = question.ToLowerInvariant();
        if (lower.Contains("how old", StringComparison.Ordinal) || lower.Contains("age in years", StringComparison.Ordinal) || question.Contains('岁') || question.Contains("年龄", StringComparison.Ordinal))
        {
            return "45";
        }

        if (lower.Contains("which country", StringComparison.Ordinal) || question.Contains("国家", StringComparison.Ordinal))
        {
            return Chinese ? "中国" : "China";
        }

        if (lower.Contains("city or town", StringComparison.Ordinal) || question.Contains("城市", StringComparison.Ordinal))
        {
            return Chinese ? "杭州" : "Hangzhou";
        }

        return null;
    }

    private async Task ClickAsync(string title)
    {
        await session.ClickSuggestedActionAsync(title);
        Clicks++;
    }
}
