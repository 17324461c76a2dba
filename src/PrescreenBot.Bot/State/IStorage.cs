namespace PrescreenBot.Bot.State;

/// <summary>
/// Key/value storage for bot state, as in Bot Builder v4 (<c>Microsoft.Bot.Builder.IStorage</c>).
/// Values are persisted as JSON (see <c>BotJson.Options</c>); a stored value that implements
/// <see cref="IStoreItem"/> carries an ETag for optimistic concurrency.
/// </summary>
public interface IStorage
{
    /// <summary>Reads the given keys; missing keys are absent from the result. Values come back as <see cref="System.Text.Json.JsonElement"/>.</summary>
    Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <summary>Reads the given keys as <typeparamref name="TStoreItem"/>; missing keys are absent from the result.</summary>
    Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class;

    /// <summary>
    /// Writes the changes, all or nothing. For an <see cref="IStoreItem"/> whose ETag is neither null nor <c>"*"</c>
    /// (<see cref="StoreItemETags.Any"/>), the write succeeds only if the stored ETag matches, else <see cref="EtagException"/>
    /// is thrown; <c>"*"</c> or null means last write wins; the empty ETag (<see cref="StoreItemETags.New"/>) means the key
    /// must not exist yet.
    /// A successful write gives the item a new ETag (set on the written <see cref="IStoreItem"/> instance).
    /// </summary>
    Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the given keys; missing keys are ignored.</summary>
    Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);
}
