using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>What a waterfall step sees: the previous step's result, the shared values, and the dialog stack.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _waterfall = waterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>Zero-based index of this step.</summary>
    public int Index { get; }

    /// <summary>What the waterfall was begun with; after a storage round trip read it with <see cref="GetOptions{T}"/>.</summary>
    public object? Options { get; }

    /// <summary>Why this step runs (<see cref="DialogReason.BackCalled"/> when the user went back to it).</summary>
    public DialogReason Reason { get; }

    /// <summary>The result of the previous step's prompt or child dialog, or the value given to <see cref="NextAsync"/>.</summary>
    public object? Result { get; }

    /// <summary>Values shared by all steps and persisted between turns; read them with <c>Values.Get&lt;T&gt;(key)</c>.</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The options as <typeparamref name="T"/>, whether typed (this turn) or read back from storage.</summary>
    public T? GetOptions<T>() => StateValues.ConvertTo<T>(Options);

    /// <summary>The result as <typeparamref name="T"/>.</summary>
    public T? GetResult<T>() => StateValues.ConvertTo<T>(Result);

    /// <summary>Skips to the next step with <paramref name="result"/>. Only once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
