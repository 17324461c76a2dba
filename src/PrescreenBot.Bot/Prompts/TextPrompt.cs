using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>Asks for free text; any non-blank message is an answer.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text) ? PromptRecognizerResult<string>.Failure() : PromptRecognizerResult<string>.Success(text));
    }
}
