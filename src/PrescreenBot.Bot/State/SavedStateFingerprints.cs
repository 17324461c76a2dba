using System.Collections.Concurrent;

namespace PrescreenBot.Bot.State;

/// <summary>
/// The fingerprint of each state this process saved, under its storage key and the ETag the storage gave that write.
/// When the next turn loads the same version (same ETag), its fingerprint is known and the state need not be serialized
/// just to remember how it looked: one JSON serialization less per turn, about a tenth of a turn's CPU.
/// <para>
/// Safe because an ETag names one stored version (MemoryStorage counts, Redis draws random ETags). A version written
/// elsewhere has another ETag and is fingerprinted as before. At worst a state whose JSON does not survive a round trip
/// byte for byte looks changed and is written again: never is a change missed.
/// </para>
/// </summary>
internal sealed class SavedStateFingerprints
{
    /// <summary>
    /// Entries kept before starting afresh: a few MB at most, plenty for every conversation active at once; an idle
    /// conversation that lost its entry only pays for one fingerprint on its next turn.
    /// </summary>
    internal const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The fingerprint saved for <paramref name="key"/> at <paramref name="etag"/>, if this process wrote that version.</summary>
    public bool TryGet(string key, string? etag, out StateFingerprint fingerprint)
    {
        if (!string.IsNullOrEmpty(etag) && etag != StoreItemETags.Any && _entries.TryGetValue(key, out var entry) && string.Equals(entry.ETag, etag, StringComparison.Ordinal))
        {
            fingerprint = entry.Fingerprint;
            return true;
        }

        fingerprint = default;
        return false;
    }

    /// <summary>Remembers a successful write of <paramref name="key"/> (the storage has set <paramref name="etag"/>).</summary>
    public void Remember(string key, string? etag, StateFingerprint fingerprint)
    {
        if (string.IsNullOrEmpty(etag) || etag == StoreItemETags.Any)
        {
            Forget(key);
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(etag, fingerprint);
    }

    public void Forget(string key) => _entries.TryRemove(key, out _);

    private sealed record Entry(string ETag, StateFingerprint Fingerprint);
}
