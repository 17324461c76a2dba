using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.UnitTests.State;

/// <summary>A <see cref="MemoryStorage"/> that counts calls and the keys of each, to check round trips per turn.</summary>
internal sealed class CountingStorage : IStorage
{
    private readonly MemoryStorage _inner = new();

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public List<string[]> ReadKeys { get; } = [];

    public List<string[]> WrittenKeys { get; } = [];

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Reads++;
        ReadKeys.Add(keys);
        return _inner.ReadAsync(keys, cancellationToken);
    }

    public Task<IDictionary<string, T>> ReadAsync<T>(string[] keys, CancellationToken cancellationToken = default)
        where T : class
    {
        Reads++;
        ReadKeys.Add(keys);
        return _inner.ReadAsync<T>(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        Writes++;
        WrittenKeys.Add([.. changes.Keys]);
        return _inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);

    public void ResetCounts()
    {
        Reads = 0;
        Writes = 0;
        ReadKeys.Clear();
        WrittenKeys.Clear();
    }
}
