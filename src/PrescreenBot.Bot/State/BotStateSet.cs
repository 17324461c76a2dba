using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.State;

/// <summary>
/// Several <see cref="BotState"/>s loaded and saved together (Bot Builder's <c>BotStateSet</c>), but batched: the states
/// of one storage are read in ONE <see cref="IStorage.ReadAsync{TStoreItem}"/> and their changes written in ONE
/// <see cref="IStorage.WriteAsync"/>, so a turn costs one round trip each way to a remote store instead of one per state,
/// and the write is all or nothing (a conflict on one state saves none).
/// </summary>
public sealed class BotStateSet
{
    private readonly BotState[] _states;

    public BotStateSet(params BotState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states)
        {
            ArgumentNullException.ThrowIfNull(state, nameof(states));
        }

        _states = [.. states];
    }

    /// <summary>The states, in the order given.</summary>
    public IReadOnlyList<BotState> BotStates => _states;

    /// <summary>
    /// Reads every state not yet loaded this turn (every state with <paramref name="force"/>), one storage read per
    /// distinct storage.
    /// </summary>
    public async Task LoadAllAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        foreach (var group in _states.Where(state => force || !state.IsLoaded(turnContext)).GroupBy(state => (object)state.Storage, ReferenceEqualityComparer.Instance))
        {
            var keyed = group.Select(state => (State: state, Key: state.GetStorageKey(turnContext))).ToArray();
            var keys = keyed.Select(item => item.Key).Distinct(StringComparer.Ordinal).ToArray();
            var items = await ((IStorage)group.Key).ReadAsync<BotStateDocument>(keys, cancellationToken).ConfigureAwait(false);
            foreach (var (state, key) in keyed)
            {
                state.Accept(turnContext, key, items);
            }
        }
    }

    /// <summary>
    /// Writes every state that changed since it was loaded (every loaded state with <paramref name="force"/>), one storage
    /// write per distinct storage, each checked against the ETag it was loaded at. Throws <see cref="EtagException"/>
    /// when another turn saved first; then nothing of that storage's batch is written.
    /// </summary>
    public Task SaveAllChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return SaveAsync(turnContext, force, skipSaved: false, cancellationToken);
    }

    /// <summary>
    /// As <see cref="SaveAllChangesAsync"/>, but leaves alone the states already written in this turn: for a host that
    /// saves after a bot which saves its own state as its last act (as the pre-screen bot and
    /// <see cref="Turns.AutoSaveStateMiddleware"/> do), so the turn's state is not serialized once more just to find it
    /// unchanged. A state changed again after its save would not be written: use this only after the bot's last act.
    /// </summary>
    public Task SaveUnsavedChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return SaveAsync(turnContext, force: false, skipSaved: true, cancellationToken);
    }

    private async Task SaveAsync(ITurnContext turnContext, bool force, bool skipSaved, CancellationToken cancellationToken)
    {
        List<(IStorage Storage, BotState.PendingStateChange Change)>? pending = null;
        foreach (var state in _states)
        {
            if (skipSaved && state.IsSaved(turnContext))
            {
                continue;
            }

            if (state.PendingChange(turnContext, force) is { } change)
            {
                (pending ??= []).Add((state.Storage, change));
            }
        }

        if (pending is null)
        {
            return;
        }

        foreach (var group in pending.GroupBy(item => (object)item.Storage, ReferenceEqualityComparer.Instance))
        {
            var changes = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (_, change) in group)
            {
                if (!changes.TryAdd(change.Key, change.Document))
                {
                    throw new InvalidOperationException($"Two states of one set use the storage key '{change.Key}'; each state needs its own key.");
                }
            }

            try
            {
                await ((IStorage)group.Key).WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (var (_, change) in group)
                {
                    change.Release();
                }
            }

            foreach (var (_, change) in group)
            {
                change.Commit();
            }
        }
    }
}
