using System.Threading.Channels;

namespace PrescreenBot.Redis.PubSub;

/// <summary>
/// One SUBSCRIBE or PSUBSCRIBE. Read <see cref="Messages"/>, or pass a handler to
/// <see cref="RedisSubscriber.SubscribeAsync(string, Func{RedisMessage, CancellationToken, ValueTask}, CancellationToken)"/>.
/// Disposing unsubscribes (once no other subscription wants the same channel).
/// </summary>
public sealed class RedisSubscription : IAsyncDisposable
{
    /// <summary>
    /// Messages buffered per subscription before the oldest is dropped (and logged). Pub/sub is a nudge here, not the
    /// record (that lives in lists), so dropping under a stuck reader beats unbounded memory or stalling every channel.
    /// </summary>
    public const int DefaultCapacity = 1024;

    private readonly Channel<RedisMessage> _messages;
    private readonly Func<RedisSubscription, ValueTask> _unsubscribe;
    private long _dropped;
    private int _disposed;

    internal RedisSubscription(string name, bool isPattern, Func<RedisSubscription, ValueTask> unsubscribe, Action<RedisSubscription> onDrop)
    {
        Name = name;
        IsPattern = isPattern;
        _unsubscribe = unsubscribe;
        _messages = Channel.CreateBounded<RedisMessage>(
            new BoundedChannelOptions(DefaultCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
            },
            _ =>
            {
                Interlocked.Increment(ref _dropped);
                onDrop(this);
            });
    }

    /// <summary>The channel name, or the pattern for PSUBSCRIBE.</summary>
    public string Name { get; }

    public bool IsPattern { get; }

    public ChannelReader<RedisMessage> Messages => _messages.Reader;

    /// <summary>Messages lost because this subscription's reader fell <see cref="DefaultCapacity"/> behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal Task Pump { get; set; } = Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _messages.Writer.TryComplete();
        await _unsubscribe(this).ConfigureAwait(false);
        await Pump.ConfigureAwait(false);
    }

    internal void Deliver(RedisMessage message) => _messages.Writer.TryWrite(message);

    internal void Complete(Exception? error = null) => _messages.Writer.TryComplete(error);
}
