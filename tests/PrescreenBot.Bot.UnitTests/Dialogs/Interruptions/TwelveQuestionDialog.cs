using System.Globalization;
using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Dialogs.Interruptions;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Dialogs.Interruptions;

/// <summary>A 12-question screening-like waterfall of every prompt type, with interruptions.</summary>
internal sealed class TwelveQuestionDialog : InterruptibleDialog
{
    public static readonly string[] Questions =
    [
        "What is your first name?",
        "How old are you?",
        "Do you smoke?",
        "How do you travel to the clinic?",
        "Have you taken part in a trial before?",
        "When were you diagnosed?",
        "Do you have diabetes?",
        "Are you pregnant?",
        "Do you have HIV?",
        "Have you had CAR-T therapy?",
        "Do you take steroids?",
        "Do you have kidney disease?",
    ];

    public const string AgeRetry = "Please give your age as a number, like 42.";

    public TwelveQuestionDialog(InterruptionTexts? texts = null)
        : base("screening", texts)
    {
        var steps = new List<WaterfallStep>();
        for (var i = 0; i <= Questions.Length; i++)
        {
            var index = i;
            steps.Add((step, ct) => StepAsync(step, index, ct));
        }

        AddDialog(new WaterfallDialog("questions", steps));
        AddDialog(new TextPrompt("text"));
        AddDialog(new NumberPrompt<int>("age", (prompt, ct) => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is > 0 and < 120)));
        AddDialog(new YesNoUnsurePrompt("ynu"));
        AddDialog(new ChoicePrompt("choice"));
        AddDialog(new ConfirmPrompt("confirm"));
        AddDialog(new DateTimePrompt("date"));
    }

    private static async Task<DialogTurnResult> StepAsync(WaterfallStepContext step, int index, CancellationToken ct)
    {
        if (index > 0)
        {
            step.Values[$"q{index}"] = Describe(step.Result);
        }

        if (index == Questions.Length)
        {
            var summary = string.Join(", ", Enumerable.Range(1, Questions.Length).Select(i => $"q{i}={step.Values[$"q{i}"]}"));
            await step.Context.SendActivityAsync($"Summary: {summary}", cancellationToken: ct);
            return await step.EndDialogAsync(summary, ct);
        }

        var prompt = MessageFactory.Text(Questions[index]);
        return index switch
        {
            0 => await step.PromptAsync("text", new PromptOptions { Prompt = prompt }, ct),
            1 => await step.PromptAsync("age", new PromptOptions { Prompt = prompt, RetryPrompt = MessageFactory.Text(AgeRetry) }, ct),
            3 => await step.PromptAsync("choice", new PromptOptions { Prompt = prompt, Choices = ChoiceFactory.ToChoices(["Car", "Bus", "Bicycle"]) }, ct),
            4 => await step.PromptAsync("confirm", new PromptOptions { Prompt = prompt }, ct),
            5 => await step.PromptAsync("date", new PromptOptions { Prompt = prompt }, ct),
            _ => await step.PromptAsync("ynu", new PromptOptions { Prompt = prompt }, ct),
        };
    }

    private static string Describe(object? result) => result switch
    {
        null => "null",
        FoundChoice choice => choice.Value,
        IList<DateTimeResolution> dates => dates[0].Timex ?? "?",
        PromptNotRecognized => "unknown",
        bool b => b ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => result.ToString() ?? "null",
    };
}
