using System.Text.Json;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;
using PrescreenBot.Conversation.Resources;
using PrescreenBot.Conversation.Session;

namespace PrescreenBot.Conversation.Asks;

/// <summary>
/// The one prompt of the pre-screen: asks an <see cref="Ask"/> and recognizes the answer with <see cref="AskRecognizer"/>.
/// The ask is kept once, in the session (<see cref="PrescreenSession.PendingAsk"/>, where help and the other interruptions
/// read it); the prompt's options only name it by step id (<see cref="AskActivities.ToStoredPromptOptions"/>). Attempts,
/// retries and the graceful give-up come from the core's <see cref="Prompt{T}"/>.
/// </summary>
public sealed class AskPrompt(string dialogId, TextCatalog texts, TimeProvider timeProvider, IStatePropertyAccessor<PrescreenSession> sessions)
    : Prompt<AskResult>(dialogId)
{
    /// <summary>The ask stored in full with a running prompt's options, as conversations saved before it moved to the session have it.</summary>
    public static Ask? AskOf(PromptOptions options) =>
        options?.Validations is null || StepIdOf(options) is not null ? null : StateValues.ConvertTo<Ask>(options.Validations);

    /// <summary>The step id of the session's pending ask that a running prompt's options name; null for options holding a full ask.</summary>
    public static string? StepIdOf(PromptOptions options) => options?.Validations switch
    {
        string stepId => stepId,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        _ => null,
    };

    /// <summary>
    /// Sends the question (or its retry) made from the ask; options from before <see cref="AskActivities.ToStoredPromptOptions"/>
    /// still carry their activities and are sent as stored.
    /// </summary>
    protected override async Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (options?.Prompt is not null || await AskAsync(turnContext, options!, cancellationToken).ConfigureAwait(false) is not { } ask)
        {
            await base.OnPromptAsync(turnContext, state, options!, isRetry, cancellationToken).ConfigureAwait(false);
            return;
        }

        var channelId = turnContext.Activity.ChannelId;
        var activity = isRetry ? AskActivities.RetryPrompt(ask, channelId) : AskActivities.Prompt(ask, channelId);
        activity.InputHint ??= InputHints.ExpectingInput;
        await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<PromptRecognizerResult<AskResult>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var ask = await AskAsync(turnContext, options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Prompt '{Id}' was started without an {nameof(Ask)}.");
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var result = AskRecognizer.Recognize(ask, turnContext.Activity.Text, today, texts);
        return result is null ? PromptRecognizerResult<AskResult>.Failure() : PromptRecognizerResult<AskResult>.Success(result);
    }

    /// <summary>The ask this prompt waits on: in its options (older conversations), else the session's pending ask they name.</summary>
    private async Task<Ask?> AskAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        if (AskOf(options) is { } stored)
        {
            return stored;
        }

        if (StepIdOf(options) is not { } stepId)
        {
            return null;
        }

        var session = await sessions.GetAsync(turnContext, () => new PrescreenSession(), cancellationToken).ConfigureAwait(false);
        return session?.PendingAsk is { } pending && pending.StepId == stepId
            ? pending
            : throw new InvalidOperationException($"Prompt '{Id}' waits on step '{stepId}', but the session's pending question is another.");
    }
}
