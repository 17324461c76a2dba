namespace PrescreenBot.Bot.State;

/// <summary>A write was refused because the stored ETag no longer matches the one the item was read at.</summary>
public sealed class EtagException(string key)
    : Exception($"ETag conflict for storage key '{key}': the item was changed by another writer.")
{
    public string Key { get; } = key;
}
