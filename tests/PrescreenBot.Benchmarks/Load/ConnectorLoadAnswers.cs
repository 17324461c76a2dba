using System.Text.Json;

namespace PrescreenBot.Benchmarks.Load;

/// <summary>
/// How a simulated patient answers the pre-screen: reads the question the bot asked last (its suggested actions and the
/// step id the conversation puts in <c>channelData.prescreenStep</c>) and picks an answer that keeps the screen going —
/// "Yes" to consent, "No" to exclusion questions (so trials stay possible and the whole question set is walked), plain
/// values for free-text questions, "No" to sharing details (no referral, no contact details). Channel-neutral, so the
/// Direct Line load generator can use it too.
/// </summary>
public static class ConnectorLoadAnswers
{
    private static readonly string[] Navigation = ["back", "help", "start over", "stop", "delete my data", "skip", "返回", "帮助", "重新开始", "停止"];

    /// <summary>The next answer, or null when the conversation has nothing left to ask.</summary>
    public static string? Choose(BotQuestion? question)
    {
        if (question is null || question.Step is "finished" or "paused")
        {
            return null;
        }

        var step = question.Step ?? string.Empty;
        var keys = question.Keys;
        if (step == "consent")
        {
            return Pick(question, "Yes") ?? FirstAnswer(question);
        }

        if (step.StartsWith("share:", StringComparison.Ordinal) || step == "delete:confirm")
        {
            return Pick(question, "No") ?? FirstAnswer(question);
        }

        if (keys.Contains("age"))
        {
            return "34";
        }

        if (keys.Contains("diagnosis-duration"))
        {
            return "24";
        }

        switch (step)
        {
            case "intake:country":
                return "China";
            case "intake:city":
                return "Shanghai";
        }

        if (step.StartsWith("handoff:", StringComparison.Ordinal))
        {
            // Not reached when sharing is declined; answer sensibly anyway so a changed flow does not stall the run.
            return step switch
            {
                "handoff:name" => "Load Test",
                "handoff:phone" => "+1 555 0100",
                "handoff:email" => "load.test@example.org",
                _ => FirstAnswer(question) ?? "not sure",
            };
        }

        return Pick(question, "No") ?? FirstAnswer(question) ?? "not sure";
    }

    /// <summary>Reads the bot's replies (an <c>activities</c> array) into the last question asked.</summary>
    public static BotQuestion? LastQuestion(JsonElement activities, out bool sawResult)
    {
        sawResult = false;
        BotQuestion? question = null;
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.TryGetProperty("name", out var name) && name.ValueEquals("prescreen/result"))
            {
                sawResult = true;
            }

            var actions = new List<string>();
            if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var list))
            {
                foreach (var action in list.EnumerateArray())
                {
                    if (action.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        actions.Add(value.GetString()!);
                    }
                    else if (action.TryGetProperty("title", out var title))
                    {
                        actions.Add(title.GetString()!);
                    }
                }
            }

            string? step = null;
            var keys = new List<string>();
            if (activity.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                if (data.TryGetProperty("prescreenStep", out var stepValue))
                {
                    step = stepValue.GetString();
                }

                if (data.TryGetProperty("keys", out var keyList) && keyList.ValueKind == JsonValueKind.Array)
                {
                    keys.AddRange(keyList.EnumerateArray().Select(k => k.GetString()!));
                }
            }

            var expectsInput = activity.TryGetProperty("inputHint", out var hint) && hint.ValueEquals("expectingInput");
            if (step is not null || actions.Count > 0 || expectsInput)
            {
                question = new BotQuestion(step, keys, actions);
            }
        }

        return question;
    }

    private static string? Pick(BotQuestion question, string wanted) =>
        question.Actions.FirstOrDefault(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase));

    private static string? FirstAnswer(BotQuestion question) =>
        question.Actions.FirstOrDefault(a => !Navigation.Contains(a, StringComparer.OrdinalIgnoreCase));
}

/// <summary>A question the bot asked: its step id, the canonical question keys it covers, and the offered answers.</summary>
public sealed record BotQuestion(string? Step, IReadOnlyList<string> Keys, IReadOnlyList<string> Actions);
