using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.State;

/// <summary>
/// State kept under one storage key per turn scope (conversation, user), as Bot Builder's <c>BotState</c>: loaded once
/// per turn into <see cref="ITurnContext.TurnState"/>, read and written through <see cref="CreateProperty{T}"/> accessors,
/// and written back by <see cref="SaveChangesAsync"/> only when its JSON changed (compared by a 64-bit fingerprint).
/// <para>
/// Stricter than Bot Builder: the stored document is an <see cref="IStoreItem"/>, so every save carries the ETag it was
/// loaded at and the storage refuses it (<see cref="EtagException"/>) if another turn saved in between. Bot Builder's
/// dictionaries are never checked, so when two turns of one conversation race (double-click, a retrying channel, two
/// instances) the later save silently overwrites the earlier one and an answer is lost. Here the loser fails loudly;
/// the turn error handler apologises and the user answers again.
/// </para>
/// </summary>
public abstract class BotState
{
    private readonly IStorage _storage;
    private readonly string _contextServiceKey;
    private readonly SavedStateFingerprints _savedFingerprints = new();

    protected BotState(IStorage storage, string contextServiceKey)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        ArgumentException.ThrowIfNullOrEmpty(contextServiceKey);
        _contextServiceKey = contextServiceKey;
    }

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        StatePropertyTypes.Register(name, typeof(T));
        return new BotStatePropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the state for this turn once; <paramref name="force"/> re-reads it (discarding unsaved changes).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.ContainsKey(_contextServiceKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync<BotStateDocument>([key], cancellationToken).ConfigureAwait(false);
        Accept(turnContext, key, items);
    }

    /// <summary>
    /// Writes the state if it changed since it was loaded (or always, with <paramref name="force"/>), checking the ETag
    /// it was loaded at. Throws <see cref="EtagException"/> when another turn saved first.
    /// </summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (PendingChange(turnContext, force) is not { } change)
        {
            return;
        }

        try
        {
            await _storage.WriteAsync(new Dictionary<string, object>(1, StringComparer.Ordinal) { [change.Key] = change.Document }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            change.Release();
        }

        change.Commit();
    }

    /// <summary>Empties the state for this turn; the next save writes the empty document over the stored one.</summary>
    public async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await LoadAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!.Document.State.Clear();
    }

    /// <summary>Deletes the stored state and forgets it for this turn.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextServiceKey);
        var key = GetStorageKey(turnContext);
        _savedFingerprints.Forget(key);
        await _storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ETag the state was loaded (or last saved) at in this turn; <see cref="StoreItemETags.New"/> when new, null when not loaded.</summary>
    public string? GetETag(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)?.Document.ETag;

    /// <summary>The storage key of this state for the turn's activity.</summary>
    public abstract string GetStorageKey(ITurnContext turnContext);

    internal async ValueTask<Dictionary<string, object?>> LoadPropertiesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<CachedBotState>(_contextServiceKey) is not { } cached)
        {
            await LoadAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
            cached = turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)!;
        }

        return cached.Document.State;
    }

    /// <summary>The storage this state reads and writes (a <see cref="BotStateSet"/> batches states sharing one).</summary>
    internal IStorage Storage => _storage;

    /// <summary>Whether this state was written in this turn (by whoever saved it).</summary>
    internal bool IsSaved(ITurnContext turnContext) => turnContext.TurnState.Get<CachedBotState>(_contextServiceKey)?.Saved == true;

    /// <summary>Whether this turn already holds the state (so a load would not read the storage).</summary>
    internal bool IsLoaded(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(_contextServiceKey);

    /// <summary>Takes the state for this turn from a read of its key (absent from <paramref name="items"/>: a new, empty state).</summary>
    internal void Accept(ITurnContext turnContext, string key, IDictionary<string, BotStateDocument> items)
    {
        var document = items.TryGetValue(key, out var stored) ? stored : new BotStateDocument { ETag = StoreItemETags.New };
        // A version this process saved needs no serializing to know how it looked (see SavedStateFingerprints).
        var snapshot = _savedFingerprints.TryGet(key, document.ETag, out var saved) ? saved : StateFingerprint.Of(document.State);
        turnContext.TurnState[_contextServiceKey] = new CachedBotState(key, document, snapshot);
    }

    /// <summary>The write this state needs (changed since loaded or last saved, or <paramref name="force"/>), or null.</summary>
    internal PendingStateChange? PendingChange(ITurnContext turnContext, bool force)
    {
        if (turnContext.TurnState.Get<CachedBotState>(_contextServiceKey) is not { } cached)
        {
            return null;
        }

        var snapshot = StateFingerprint.Of(cached.Document.State, cached.Snapshot, out var json);
        return force || json is not null ? new PendingStateChange(cached, snapshot, json, _savedFingerprints) : null;
    }

    /// <summary>A changed state to write; <see cref="Commit"/> once the write succeeded, so the next save sees it as saved.</summary>
    internal sealed class PendingStateChange
    {
        private readonly CachedBotState _cached;
        private readonly StateFingerprint _snapshot;
        private readonly SavedStateFingerprints _savedFingerprints;

        internal PendingStateChange(CachedBotState cached, StateFingerprint snapshot, PreparedJson? json, SavedStateFingerprints savedFingerprints)
        {
            _cached = cached;
            _snapshot = snapshot;
            _savedFingerprints = savedFingerprints;
            // The JSON just fingerprinted is what the write would produce: the storage writes it as it is.
            cached.Document.PreparedStateJson?.Return();
            cached.Document.PreparedStateJson = json;
        }

        public string Key => _cached.Key;

        public BotStateDocument Document => _cached.Document;

        /// <summary>Call after a successful write, when the storage has given the document its new ETag.</summary>
        public void Commit()
        {
            Release();
            _cached.Snapshot = _snapshot;
            _cached.Saved = true;
            _savedFingerprints.Remember(_cached.Key, _cached.Document.ETag, _snapshot);
        }

        /// <summary>Drops the prepared JSON (after the write, whether it succeeded or not): it describes this moment only.</summary>
        public void Release()
        {
            _cached.Document.PreparedStateJson?.Return();
            _cached.Document.PreparedStateJson = null;
        }
    }

    internal sealed class CachedBotState(string key, BotStateDocument document, StateFingerprint snapshot)
    {
        public string Key { get; } = key;
        public BotStateDocument Document { get; } = document;
        public StateFingerprint Snapshot { get; set; } = snapshot;

        /// <summary>Written at least once in this turn.</summary>
        public bool Saved { get; set; }
    }
}
