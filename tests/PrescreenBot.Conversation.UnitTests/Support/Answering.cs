namespace PrescreenBot.Conversation.UnitTests.Support;

/// <summary>Drives a conversation by answering each question by its step or question key, as a persona would.</summary>
public static class Answering
{
    /// <summary>Safety net against a conversation that never settles (a bug): no screen has this many questions.</summary>
    private const int MaxTurns = 80;

    /// <summary>
    /// Answers until the bot asks <paramref name="untilStep"/> (or "finished"). A question key missing from
    /// <paramref name="answers"/> gets <paramref name="otherwise"/>; a checklist gets "yes" if any of its keys would, "not sure"
    /// if any would be, else "no".
    /// </summary>
    public static async Task AnswerUntilAsync(this BotHarness bot, IReadOnlyDictionary<string, string> answers, string untilStep, string otherwise = "no")
    {
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            var step = bot.CurrentStep ?? throw new InvalidOperationException("The bot asked nothing.");
            if (step == untilStep || step == "finished")
            {
                return;
            }

            await bot.SayAsync(AnswerFor(step, bot.CurrentKeys, answers, otherwise));
        }

        throw new InvalidOperationException($"The conversation did not reach '{untilStep}' within {MaxTurns} answers (stuck at '{bot.CurrentStep}').");
    }

    public static string AnswerFor(string step, IReadOnlyList<string> keys, IReadOnlyDictionary<string, string> answers, string otherwise)
    {
        if (answers.TryGetValue(step, out var byStep))
        {
            return byStep;
        }

        if (step.StartsWith("group:", StringComparison.Ordinal))
        {
            var each = keys.Select(k => answers.TryGetValue(k, out var a) ? a : otherwise).ToList();
            return each.Any(IsYes) ? "yes" : each.Any(IsNotSure) ? "not sure" : "no";
        }

        return keys.Count == 1 && answers.TryGetValue(keys[0], out var byKey) ? byKey : otherwise;
    }

    private static bool IsYes(string answer) => answer is "yes" or "是";

    private static bool IsNotSure(string answer) => answer is "not sure" or "不确定";
}
