using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>
/// A dialog that asks one question and returns the typed answer, as Bot Builder's <c>Prompt&lt;T&gt;</c>: on each
/// message it recognizes, counts the attempt (first answer = 1), validates, and either ends with the value or asks again
/// (retry prompt, unless the validator already replied). After <see cref="MaxAttempts"/> failed answers it ends with
/// <see cref="PromptNotRecognized"/> so the conversation can move on.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    /// <summary>Three tries, then move on: a patient who was misunderstood three times is better served by skipping the question than by a loop.</summary>
    public const int DefaultMaxAttempts = 3;

    internal const string AttemptCountKey = "AttemptCount";
    private const string OptionsKey = PromptStateKeys.Options;
    private const string StateKey = PromptStateKeys.State;

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId) => _validator = validator;

    /// <summary>Failed answers before giving up, unless <see cref="PromptOptions.MaxAttempts"/> says otherwise; 0 or less never gives up.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Locale used when neither the options nor the activity name one.</summary>
    public string DefaultLocale { get; init; } = LanguageRecognizers.DefaultLocale;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' must be started with {nameof(PromptOptions)} (use DialogContext.PromptAsync).", nameof(options));
        }

        if (promptOptions.Prompt is { InputHint: null } prompt)
        {
            prompt.InputHint = InputHints.ExpectingInput;
        }

        if (promptOptions.RetryPrompt is { InputHint: null } retry)
        {
            retry.InputHint = InputHints.ExpectingInput;
        }

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        var promptState = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        state[StateKey] = promptState;
        await OnPromptAsync(dc.Context, promptState, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var (promptState, options) = ReadState(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, promptState, options, cancellationToken).ConfigureAwait(false);
        var attempt = promptState.GetOrDefault(AttemptCountKey, 0) + 1;
        promptState[AttemptCountKey] = attempt;

        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, promptState, options), cancellationToken).ConfigureAwait(false);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        var maxAttempts = options.MaxAttempts ?? MaxAttempts;
        if (maxAttempts > 0 && attempt >= maxAttempts)
        {
            return await dc.EndDialogAsync(new PromptNotRecognized(Id, attempt), cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, promptState, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A child never runs on top of a prompt except after an interruption: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (promptState, options) = ReadState(instance);
        return OnPromptAsync(turnContext, promptState, options, isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question (or the retry prompt). Sends a copy, so the stored options are never changed by sending.</summary>
    protected virtual Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null ? Task.CompletedTask : turnContext.SendActivityAsync(activity.Clone(), cancellationToken);
    }

    /// <summary>Turns the incoming message into a <typeparamref name="T"/>.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The locale to understand the user in: options, then the activity, then <see cref="DefaultLocale"/>.</summary>
    protected string GetCulture(ITurnContext turnContext, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return options.RecognizeLanguage ?? turnContext.Activity.Locale ?? DefaultLocale;
    }

    /// <summary>The language recognizer for this turn.</summary>
    protected ILanguageRecognizer GetRecognizer(ITurnContext turnContext, PromptOptions options) =>
        LanguageRecognizers.ForLocale(GetCulture(turnContext, options));

    private static (IDictionary<string, object?> PromptState, PromptOptions Options) ReadState(DialogInstance instance)
    {
        var promptState = instance.State.GetOrDefault<Dictionary<string, object?>>(StateKey) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        instance.State[StateKey] = promptState;
        var options = instance.State.GetOrDefault<PromptOptions>(OptionsKey) ?? new PromptOptions();
        return (promptState, options);
    }
}
