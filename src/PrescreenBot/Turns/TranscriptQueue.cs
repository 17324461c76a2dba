using System.Threading.Channels;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Turns;

/// <summary>
/// Finished turns' transcript entries on their way to the durable transcript store. A turn only enqueues (its reply
/// does not wait for the database); <see cref="TranscriptWriter"/> writes them in order. Bounded: when the store falls
/// this far behind, turns wait for room (backpressure) instead of memory growing without limit or entries being dropped.
/// </summary>
public sealed class TranscriptQueue
{
    /// <summary>About ten seconds of peak traffic (three entries a turn at a few thousand turns a second).</summary>
    public const int Capacity = 50_000;

    private readonly Channel<TranscriptItem> _channel = Channel.CreateBounded<TranscriptItem>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Entries waiting to be written.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues one entry; <paramref name="written"/>, if given, completes once the writer has written it.</summary>
    public ValueTask EnqueueAsync(Activity entry, TaskCompletionSource? written, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(new TranscriptItem(entry, written), cancellationToken);

    /// <summary>Queues one entry if there is room right now (the usual case: no timer, no allocation beyond the item).</summary>
    public bool TryEnqueue(Activity entry, TaskCompletionSource? written) =>
        _channel.Writer.TryWrite(new TranscriptItem(entry, written));

    internal ChannelReader<TranscriptItem> Reader => _channel.Reader;

    /// <summary>No more entries (shutdown): the writer drains what is queued and stops.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}

/// <summary>One queued transcript entry and who waits for it to be written.</summary>
internal sealed record TranscriptItem(Activity Entry, TaskCompletionSource? Written);
