using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// Asks a yes / no / not sure question; returns <see cref="YesNoUnsure"/>. "Don't know" is always an answer, so a patient
/// is never forced to guess about their health. Buttons are Yes / No / Not sure in the user's language, or
/// <see cref="PromptOptions.Choices"/> (in that order: yes, no, not sure).
/// </summary>
public sealed class YesNoUnsurePrompt(string dialogId, PromptValidator<YesNoUnsure>? validator = null) : ChoicePromptBase<YesNoUnsure>(dialogId, validator)
{
    protected override IList<Choice> GetChoices(ITurnContext turnContext, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is { Count: >= 3 } custom)
        {
            return custom;
        }

        return GetRecognizer(turnContext, options).Labels.YesNoUnsureChoices;
    }

    protected override Task<PromptRecognizerResult<YesNoUnsure>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text ?? string.Empty;
        var recognizer = GetRecognizer(turnContext, options);
        var choices = GetChoices(turnContext, options);
        var answer = ChoiceRecognizer.Recognize(text, choices, recognizer) is { Score: >= 1f, Index: >= 0 and <= 2 } exact
            ? (YesNoUnsure)exact.Index
            : recognizer.RecognizeYesNoUnsure(text);
        return Task.FromResult(answer is { } value ? PromptRecognizerResult<YesNoUnsure>.Success(value) : PromptRecognizerResult<YesNoUnsure>.Failure());
    }
}
