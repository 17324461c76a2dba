using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// Asks a yes/no question; returns a bool. Shows Yes/No buttons in the user's language (or <see cref="PromptOptions.Choices"/>,
/// first = yes, second = no). "Not sure" is not an answer here — use <see cref="YesNoUnsurePrompt"/> for health questions.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : ChoicePromptBase<bool>(dialogId, validator)
{
    protected override IList<Choice> GetChoices(ITurnContext turnContext, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is { Count: >= 2 } custom)
        {
            return custom;
        }

        return GetRecognizer(turnContext, options).Labels.YesNoChoices;
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text ?? string.Empty;
        var recognizer = GetRecognizer(turnContext, options);
        var result = recognizer.RecognizeYesNoUnsure(text) switch
        {
            YesNoUnsure.Yes => PromptRecognizerResult<bool>.Success(true),
            YesNoUnsure.No => PromptRecognizerResult<bool>.Success(false),
            YesNoUnsure.NotSure => PromptRecognizerResult<bool>.Failure(),
            _ => ChoiceRecognizer.Recognize(text, GetChoices(turnContext, options), recognizer) is { Index: 0 or 1 } found
                ? PromptRecognizerResult<bool>.Success(found.Index == 0)
                : PromptRecognizerResult<bool>.Failure(),
        };
        return Task.FromResult(result);
    }
}
