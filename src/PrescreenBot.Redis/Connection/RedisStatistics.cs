namespace PrescreenBot.Redis.Connection;

/// <summary>Running totals for one connection, for benchmarks and diagnostics (round trips per turn, bytes on the wire).</summary>
public sealed record RedisStatistics
{
    public required long CommandsSent { get; init; }

    public required long RepliesReceived { get; init; }

    public required long Timeouts { get; init; }

    public required long BytesWritten { get; init; }

    public required long BytesRead { get; init; }

    /// <summary>How many socket writes carried those commands; fewer than <see cref="CommandsSent"/> means pipelining batched them.</summary>
    public required long SocketWrites { get; init; }

    public required long Connects { get; init; }

    public required int PendingCommands { get; init; }
}
