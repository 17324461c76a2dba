namespace PrescreenBot.Redis.Connection;

/// <summary>Thread-safe running totals behind <see cref="RedisStatistics"/>.</summary>
internal sealed class RedisCounters
{
    private long _commandsSent;
    private long _repliesReceived;
    private long _timeouts;
    private long _bytesWritten;
    private long _bytesRead;
    private long _socketWrites;
    private long _connects;

    public void AddCommand() => Interlocked.Increment(ref _commandsSent);

    public void AddReplies(int count) => Interlocked.Add(ref _repliesReceived, count);

    public void AddTimeout() => Interlocked.Increment(ref _timeouts);

    public void AddConnect() => Interlocked.Increment(ref _connects);

    public void AddWrite(long bytes)
    {
        Interlocked.Add(ref _bytesWritten, bytes);
        Interlocked.Increment(ref _socketWrites);
    }

    public void AddRead(long bytes) => Interlocked.Add(ref _bytesRead, bytes);

    public RedisStatistics Snapshot(int pending) => new()
    {
        CommandsSent = Interlocked.Read(ref _commandsSent),
        RepliesReceived = Interlocked.Read(ref _repliesReceived),
        Timeouts = Interlocked.Read(ref _timeouts),
        BytesWritten = Interlocked.Read(ref _bytesWritten),
        BytesRead = Interlocked.Read(ref _bytesRead),
        SocketWrites = Interlocked.Read(ref _socketWrites),
        Connects = Interlocked.Read(ref _connects),
        PendingCommands = pending,
    };
}
