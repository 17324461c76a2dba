namespace PrescreenBot.Bot.State;

/// <summary>A stored value that takes part in optimistic concurrency.</summary>
public interface IStoreItem
{
    /// <summary>The version the item was read at; <c>"*"</c> or null writes unconditionally.</summary>
    string? ETag { get; set; }
}
