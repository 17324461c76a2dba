using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;
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

    /// <summary>
    /// Sends the question (or its retry) made from the stored <see cref="Ask"/>; options from before
    /// <see cref="AskActivities.ToStoredPromptOptions"/> still carry their activities and are sent as stored.
    /// </summary>
    protected override Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (options?.Prompt is not null || AskOf(options!) is not { } ask)
        {
            return base.OnPromptAsync(turnContext, state, options!, isRetry, cancellationToken);
        }

        var channelId = turnContext.Activity.ChannelId;
        var activity = isRetry ? AskActivities.RetryPrompt(ask, channelId) : AskActivities.Prompt(ask, channelId);
        activity.InputHint ??= InputHints.ExpectingInput;
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

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
