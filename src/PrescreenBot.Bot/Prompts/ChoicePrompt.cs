using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>; returns a <see cref="FoundChoice"/>.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : ChoicePromptBase<FoundChoice>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, GetChoices(turnContext, options), GetRecognizer(turnContext, options));
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failure() : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}
