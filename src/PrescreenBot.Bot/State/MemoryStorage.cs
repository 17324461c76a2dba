using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.State;

/// <summary>
/// In-process <see cref="IStorage"/>, the embedded default. Values are stored as serialized JSON, so a reader never
/// shares an object with a writer or with another reader. ETags are checked for every <see cref="IStoreItem"/> with an
/// ETag other than null or <c>"*"</c>: the key must exist with that same ETag, else <see cref="EtagException"/>.
/// A batch is checked as a whole before anything is written, so a conflict leaves every key as it was.
/// <para>
/// No global lock: reads are lock-free, a single-key write is one atomic compare-and-set on its key (serialized before,
/// outside any lock), and only multi-key writes take a lock, among themselves, to set their keys one by one and undo
/// those already set if a later one conflicts.
/// </para>
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, StoredValue> _items = new(StringComparer.Ordinal);
    private readonly Lock _batchGate = new();
    private long _lastETag;

    /// <summary>Number of stored keys (for tests and diagnostics).</summary>
    public int Count => _items.Count;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var stored))
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
            if (_items.TryGetValue(key, out var stored) && JsonSerializer.Deserialize<TStoreItem>(stored.Json, BotJson.Options) is { } item)
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
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(value, $"{nameof(changes)}[{key}]");
        }

        var writes = new List<PendingWrite>(changes.Count);
        try
        {
            foreach (var (key, value) in changes)
            {
                writes.Add(Prepare(key, value));
            }

            if (writes.Count == 1)
            {
                Apply(writes[0]);
            }
            else
            {
                ApplyBatch(writes);
            }
        }
        catch
        {
            // Nothing was stored: the items keep the ETags they came with, so the caller can reload and retry.
            foreach (var write in writes)
            {
                write.RestoreETag();
            }

            throw;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _items.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>Sets the keys one by one; on a conflict, puts back what this batch already replaced, then throws.</summary>
    private void ApplyBatch(List<PendingWrite> writes)
    {
        lock (_batchGate)
        {
            var applied = new List<(PendingWrite Write, StoredValue? Previous)>(writes.Count);
            try
            {
                foreach (var write in writes)
                {
                    applied.Add((write, Apply(write)));
                }
            }
            catch
            {
                foreach (var (write, previous) in applied)
                {
                    if (previous is { } old)
                    {
                        _items.TryUpdate(write.Key, old, write.Value);
                    }
                    else
                    {
                        _items.TryRemove(KeyValuePair.Create(write.Key, write.Value));
                    }
                }

                throw;
            }
        }
    }

    /// <summary>Stores one value atomically if its ETag allows; returns the value it replaced (null if the key was new).</summary>
    private StoredValue? Apply(PendingWrite write)
    {
        var key = write.Key;
        if (write.ExpectedETag is not { } etag || etag == StoreItemETags.Any)
        {
            StoredValue? replaced = null;
            _items.AddOrUpdate(key, write.Value, (_, current) =>
            {
                replaced = current;
                return write.Value;
            });
            return replaced;
        }

        if (etag == StoreItemETags.New)
        {
            return _items.TryAdd(key, write.Value) ? null : throw new EtagException(key);
        }

        if (_items.TryGetValue(key, out var stored) && string.Equals(stored.ETag, etag, StringComparison.Ordinal)
            && _items.TryUpdate(key, write.Value, stored))
        {
            return stored;
        }

        throw new EtagException(key);
    }

    /// <summary>Serializes with the new ETag already set, so a raw read shows it; restores the old one if serializing fails.</summary>
    private PendingWrite Prepare(string key, object value)
    {
        if (value is not IStoreItem item)
        {
            return new PendingWrite(key, new StoredValue(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), BotJson.Options), null), null, null);
        }

        var previous = item.ETag;
        item.ETag = Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture);
        try
        {
            return new PendingWrite(key, new StoredValue(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), BotJson.Options), item.ETag), item, previous);
        }
        catch
        {
            item.ETag = previous;
            throw;
        }
    }

    /// <summary>One serialized value waiting to be stored, with the ETag its item had before (checked, and put back on failure).</summary>
    private sealed record PendingWrite(string Key, StoredValue Value, IStoreItem? Item, string? ExpectedETag)
    {
        public void RestoreETag()
        {
            if (Item is not null)
            {
                Item.ETag = ExpectedETag;
            }
        }
    }

    /// <summary>A stored value; compared by reference to its bytes, so compare-and-set sees any other write as a change.</summary>
    private sealed record StoredValue(byte[] Json, string? ETag);
}
