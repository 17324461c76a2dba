using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Prompts;

/// <summary>One prompt inside a waterfall that echoes the result: "result: …".</summary>
internal static class PromptTestBed
{
    public static DialogHarness For(Dialog prompt, PromptOptions options, Func<object?, string>? describe = null, string locale = "en-US", TimeProvider? time = null)
    {
        var component = new ComponentDialog("root");
        component.AddDialog(new WaterfallDialog("w",
        [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"result: {(describe ?? Default)(step.Result)}", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        component.AddDialog(prompt);
        return new DialogHarness(component, locale, time);
    }

    public static PromptOptions Ask(string text, string? retry = null) => new()
    {
        Prompt = MessageFactory.Text(text),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
    };

    private static string Default(object? result) => result switch
    {
        null => "null",
        FoundChoice c => $"{c.Value}#{c.Index}",
        IList<DateTimeResolution> d => d[0].Timex ?? "?",
        PromptNotRecognized n => $"not recognized after {n.AttemptCount}",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => result.ToString() ?? "null",
    };
}
