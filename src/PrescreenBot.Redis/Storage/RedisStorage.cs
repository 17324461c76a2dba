using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Storage;

/// <summary>
/// Bot state in Redis with optimistic concurrency. A read of any number of keys is one MGET; a write of any number of
/// keys is one EVALSHA that compare-and-sets them all or none (see <see cref="CompareAndSetScript"/>), so a turn costs
/// two round trips. Every write restarts the idle expiry; an expired key reads as missing.
/// </summary>
public sealed class RedisStorage : IStorage
{
    /// <summary>12 random bytes: collisions are out of the question, and the ETag stays 16 characters.</summary>
    private const int EtagBytes = 12;

    private readonly RedisClient _client;
    private readonly RedisStorageOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly long _expirySeconds;

    public RedisStorage(RedisClient client, RedisStorageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new RedisStorageOptions();
        if (_options.IdleExpiry < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("RedisStorage IdleExpiry must be at least one second.", nameof(options));
        }

        _expirySeconds = (long)Math.Ceiling(_options.IdleExpiry.TotalSeconds);
        _json = _options.JsonOptions ?? BotJson.Options;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        // The JSON of an IStoreItem already carries its ETag, so the prefix is not needed here.
        await foreach (var (key, _, json) in ReadRawAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(json);
            result[key] = document.RootElement.Clone();
        }

        return result;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
    {
        var result = new Dictionary<string, TStoreItem>(StringComparer.Ordinal);
        await foreach (var (key, etag, json) in ReadRawAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            TStoreItem? item;
            try
            {
                item = JsonSerializer.Deserialize<TStoreItem>(json.Span, _json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException(
                    $"The Redis value for storage key '{key}' is not a valid {typeof(TStoreItem).Name}; it was left untouched.", ex);
            }

            if (item is null)
            {
                throw new InvalidDataException($"The Redis value for storage key '{key}' holds JSON null.");
            }

            if (item is IStoreItem storeItem)
            {
                storeItem.ETag = etag; // the prefix is authoritative, whatever the type's JSON shape
            }

            result[key] = item;
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var keys = new string[changes.Count];
        var args = new RedisArg[1 + (changes.Count * 2)];
        args[0] = _expirySeconds;
        var renamed = new List<(IStoreItem Item, string? Previous)>();
        var index = 0;
        try
        {
            foreach (var (key, value) in changes)
            {
                ValidateKey(key);
                if (value is null)
                {
                    throw new ArgumentException($"The value for storage key '{key}' is null; use DeleteAsync to remove it.", nameof(changes));
                }

                var etag = NewEtag();
                var expected = StoreItemETags.Any;
                if (value is IStoreItem item)
                {
                    expected = item.ETag ?? StoreItemETags.Any;
                    renamed.Add((item, item.ETag));
                    item.ETag = etag; // serialized with the ETag it will have once written
                }

                var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), _json);
                keys[index] = _options.KeyPrefix + key;
                args[1 + (index * 2)] = expected;
                args[2 + (index * 2)] = StoredDocument.Compose(etag, json);
                index++;
            }

            var outcome = await CompareAndSetScript.Script.EvaluateAsync(_client, keys, args, cancellationToken).ConfigureAwait(false);
            var conflict = (int)outcome.Integer;
            if (conflict != 0)
            {
                throw new EtagException(keys[conflict - 1][_options.KeyPrefix.Length..]);
            }
        }
        catch
        {
            // Nothing was written: give every item back the ETag it was read at, so the caller can retry the turn.
            foreach (var (item, previous) in renamed)
            {
                item.ETag = previous;
            }

            throw;
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        var prefixed = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ValidateKey(keys[i]);
            prefixed[i] = _options.KeyPrefix + keys[i];
        }

        await _client.DelAsync(prefixed, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<(string Key, string ETag, ReadOnlyMemory<byte> Json)> ReadRawAsync(
        string[] keys, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            yield break;
        }

        var prefixed = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ValidateKey(keys[i]);
            prefixed[i] = _options.KeyPrefix + keys[i];
        }

        var values = await _client.MGetAsync(prefixed, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keys.Length; i++)
        {
            if (values[i] is { } stored)
            {
                var (etag, json) = StoredDocument.Split(keys[i], stored);
                yield return (keys[i], etag, json);
            }
        }
    }

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A storage key is null or empty.");
        }
    }

    private static string NewEtag()
    {
        Span<byte> random = stackalloc byte[EtagBytes];
        RandomNumberGenerator.Fill(random);
        Span<byte> text = stackalloc byte[16];
        Base64Url.EncodeToUtf8(random, text);
        return System.Text.Encoding.ASCII.GetString(text);
    }
}
