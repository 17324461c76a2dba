using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.Asks;

/// <summary>
/// The one prompt of the pre-screen: asks an <see cref="Ask"/> (stored in <see cref="PromptOptions.Validations"/>, so it
/// survives between turns) and recognizes the answer with <see cref="AskRecognizer"/>. Attempts, retries and the graceful
/// give-up come from the core's <see cref="Prompt{T}"/>.
/// </summary>
public sealed class AskPrompt(string dialogId, TextCatalog texts, TimeProvider timeProvider) : Prompt<AskResult>(dialogId)
{
    /// <summary>The ask stored with a running prompt's options.</summary>
    public static Ask? AskOf(PromptOptions options) =>
        options is null ? null : StateValues.ConvertTo<Ask>(options.Validations);

    protected override Task<PromptRecognizerResult<AskResult>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var ask = AskOf(options) ?? throw new InvalidOperationException($"Prompt '{Id}' was started without an {nameof(Ask)}.");
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var result = AskRecognizer.Recognize(ask, turnContext.Activity.Text, today, texts);
        return Task.FromResult(result is null ? PromptRecognizerResult<AskResult>.Failure() : PromptRecognizerResult<AskResult>.Success(result));
    }
}
