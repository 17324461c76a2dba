using PrescreenBot.Bot.State;
using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.Dialogs;

/// <summary>The dialogs that can be started by id, and where their stack is persisted.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    /// <summary>A set whose stack is kept by <paramref name="dialogState"/> (conventionally <c>ConversationState.CreateProperty&lt;DialogState&gt;("DialogState")</c>).</summary>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState) =>
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));

    /// <summary>A set used inside a <see cref="ComponentDialog"/>, whose stack lives in the component's state.</summary>
    public DialogSet()
    {
    }

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    /// <summary>Adds a dialog. Adding the same instance twice is a no-op; a different dialog with a taken id is an error.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            return ReferenceEquals(existing, dialog)
                ? this
                : throw new ArgumentException($"A different dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        _dialogs.Add(dialog.Id, dialog);
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>Loads the stack for this turn and returns a context over it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a DialogState accessor, so it cannot load a stack.");
        }

        var state = await _dialogState.GetAsync(turnContext, static () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state!);
    }
}
