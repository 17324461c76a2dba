namespace PrescreenBot.Turns;

/// <summary>
/// One async lock per conversation key, so turns of one conversation run one at a time (in arrival order) while
/// different conversations run in parallel. An entry lives only while someone holds or awaits it, so a million
/// conversations over a day leave nothing behind.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Keys currently held or awaited (for tests and diagnostics).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits for the lock of <paramref name="key"/>; dispose the result to release it.</summary>
    public async ValueTask<Releaser> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.References++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Forget(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Release(string key, Entry entry)
    {
        entry.Gate.Release();
        Forget(key, entry);
    }

    private void Forget(string key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>Releases the lock once when disposed.</summary>
    public struct Releaser : IDisposable
    {
        private ConversationLocks? _owner;
        private readonly string _key;
        private readonly Entry _entry;

        internal Releaser(ConversationLocks owner, string key, Entry entry)
        {
            _owner = owner;
            _key = key;
            _entry = entry;
        }

        public void Dispose()
        {
            var owner = _owner;
            _owner = null;
            owner?.Release(_key, _entry);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Holders plus waiters; guarded by the dictionary's lock.</summary>
        public int References { get; set; }
    }
}
