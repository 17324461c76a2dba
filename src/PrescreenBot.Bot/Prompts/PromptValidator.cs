using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Prompts;

/// <summary>Decides whether a recognized answer is acceptable. May send its own message (then the retry prompt is not sent).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>What a validator sees.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options)
    {
        Context = context;
        Recognized = recognized;
        State = state;
        Options = options;
    }

    public ITurnContext Context { get; }
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's persisted state (holds <c>AttemptCount</c>).</summary>
    public IDictionary<string, object?> State { get; }
    public PromptOptions Options { get; }

    /// <summary>Which answer this is: 1 for the first (counted before validation, as Bot Builder).</summary>
    public int AttemptCount => State.GetOrDefault(Prompt<T>.AttemptCountKey, 0);
}
