using System.Globalization;
using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.State;

/// <summary>
/// In-process <see cref="IStorage"/>, the embedded default. Values are stored as serialized JSON, so a reader never
/// shares an object with a writer or with another reader. ETags are checked for every <see cref="IStoreItem"/> with an
/// ETag other than null or <c>"*"</c>: the key must exist with that same ETag, else <see cref="EtagException"/>.
/// A batch is checked as a whole before anything is written, so a conflict leaves every key as it was.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoredValue> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastETag;

    /// <summary>Number of stored keys (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (TryGet(key, out var stored))
            {
                result[key] = JsonSerializer.Deserialize<JsonElement>(stored.Json, BotJson.Options);
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, TStoreItem>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (TryGet(key, out var stored) && JsonSerializer.Deserialize<TStoreItem>(stored.Json, BotJson.Options) is { } item)
            {
                if (item is IStoreItem storeItem)
                {
                    storeItem.ETag = stored.ETag;
                }

                result[key] = item;
            }
        }

        return Task.FromResult<IDictionary<string, TStoreItem>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var (key, value) in changes)
            {
                ArgumentNullException.ThrowIfNull(value, $"{nameof(changes)}[{key}]");
                if (value is IStoreItem { ETag: { } etag } && etag != StoreItemETags.Any && !Matches(key, etag))
                {
                    throw new EtagException(key);
                }
            }

            foreach (var (key, value) in changes)
            {
                _items[key] = Serialize(value);
            }
        }

        return Task.CompletedTask;
    }

    private bool Matches(string key, string etag) => etag == StoreItemETags.New
        ? !_items.ContainsKey(key)
        : _items.TryGetValue(key, out var current) && string.Equals(current.ETag, etag, StringComparison.Ordinal);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private bool TryGet(string key, out StoredValue stored)
    {
        lock (_gate)
        {
            return _items.TryGetValue(key, out stored);
        }
    }

    /// <summary>Serializes with the new ETag already set, so a raw read shows it; restores the old one if serializing fails.</summary>
    private StoredValue Serialize(object value)
    {
        if (value is not IStoreItem item)
        {
            return new StoredValue(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), BotJson.Options), null);
        }

        var previous = item.ETag;
        item.ETag = (++_lastETag).ToString(CultureInfo.InvariantCulture);
        try
        {
            return new StoredValue(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), BotJson.Options), item.ETag);
        }
        catch
        {
            item.ETag = previous;
            throw;
        }
    }

    private readonly record struct StoredValue(byte[] Json, string? ETag);
}
