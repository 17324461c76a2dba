using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>
/// A fixed sequence of steps, as Bot Builder's <c>WaterfallDialog</c>: each step typically stores the previous answer
/// and asks the next question; the last step's result ends the dialog.
/// <para>
/// Also supports "back" (<see cref="IStepBackDialog"/>): it remembers which steps waited for the user and the result each
/// was given, so going back re-runs the previous question's step with the same <see cref="WaterfallStepContext.Result"/>
/// (and <see cref="DialogReason.BackCalled"/>); the new answer then flows on through the following steps as usual.
/// </para>
/// </summary>
public class WaterfallDialog : Dialog, IStepBackDialog
{
    private const string OptionsKey = "options";
    internal const string ValuesKey = "values";
    private const string StepIndexKey = "stepIndex";
    internal const string HistoryKey = "history";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId) => _steps = steps?.ToList() ?? [];

    public int StepCount => _steps.Count;

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        if (options is not null)
        {
            state[OptionsKey] = options;
        }

        state[ValuesKey] = new Dictionary<string, object?>(StringComparer.Ordinal);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>A non-message activity does not move the waterfall; a message resumes it with the message text.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.IsType(ActivityTypes.Message)
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State.GetOrDefault(StepIndexKey, 0);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    public bool CanStepBack(ITurnContext turnContext, DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State.TryGet<WaterfallHistory>(HistoryKey, out var history) && history is { Count: >= 2 };
    }

    public async Task<DialogTurnResult?> StepBackAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        if (!CanStepBack(dc.Context, instance))
        {
            return null;
        }

        var history = instance.State.Get<WaterfallHistory>(HistoryKey);
        history.RemoveAt(history.Count - 1);
        var previous = history[^1];
        history.RemoveAt(history.Count - 1);
        return await RunStepAsync(dc, previous.Step, DialogReason.BackCalled, StepResultCodec.Decode(previous), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one step; override to observe steps (e.g. telemetry).</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var instance = dc.ActiveDialog!;
        var state = instance.State;
        state[StepIndexKey] = index;
        var values = state.TryGet<Dictionary<string, object?>>(ValuesKey, out var stored) && stored is not null
            ? stored
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        state[ValuesKey] = values;
        state.TryGet<object>(OptionsKey, out var options);

        var stepContext = new WaterfallStepContext(this, dc, options, values, index, reason, result);
        var turnResult = await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);

        // Remember steps that wait for the user (and what they were given), but only when this step — not a later one
        // reached through NextAsync — is the one waiting.
        if (turnResult.Status == DialogTurnStatus.Waiting && dc.Stack.Contains(instance) && state.GetOrDefault(StepIndexKey, -1) == index)
        {
            if (!state.TryGet<WaterfallHistory>(HistoryKey, out var history) || history is null)
            {
                history = [];
                state[HistoryKey] = history;
            }

            history.Add(StepResultCodec.Encode(index, result));
        }

        return turnResult;
    }
}
