namespace PrescreenBot.Bot.Turns;

/// <summary>Per-turn values keyed by name (or by type name).</summary>
public sealed class TurnContextStateCollection : Dictionary<string, object>
{
    public TurnContextStateCollection()
        : base(StringComparer.Ordinal)
    {
    }

    public T? Get<T>(string key) where T : class => TryGetValue(key, out var value) ? value as T : null;

    public T? Get<T>() where T : class => Get<T>(typeof(T).FullName!);

    public void Add<T>(T value) where T : class => Set(typeof(T).FullName!, value);

    public void Set<T>(string key, T value) where T : class => this[key] = value;

    public void Set<T>(T value) where T : class => Set(typeof(T).FullName!, value);
}
