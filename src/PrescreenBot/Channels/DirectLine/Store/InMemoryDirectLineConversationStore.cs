using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>
/// The single-instance store: bounded per conversation (oldest activities are dropped past the cap; watermarks keep
/// counting) and swept of conversations idle longer than <see cref="DirectLineOptions.IdleTimeout"/> that nobody is
/// streaming.
/// </summary>
public sealed class InMemoryDirectLineConversationStore : IDirectLineConversationStore, IDisposable
{
    /// <summary>A sweep at a quarter of the idle timeout evicts within 125 % of it, at most every 5 minutes.</summary>
    private static readonly TimeSpan MaxSweepInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _cap;
    private readonly TimeSpan _idle;
    private readonly ITimer _sweeper;

    public InMemoryDirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _time = time;
        _cap = Math.Max(1, options.Value.MaxActivitiesPerConversation);
        _idle = options.Value.IdleTimeout > TimeSpan.Zero ? options.Value.IdleTimeout : DirectLineOptions.DefaultIdleTimeout;
        var interval = TimeSpan.FromTicks(Math.Min(_idle.Ticks / 4, MaxSweepInterval.Ticks));
        _sweeper = time.CreateTimer(_ => EvictIdle(), null, interval, interval);
    }

    public int Count => _conversations.Count;

    public Task<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var created = _conversations.TryAdd(conversation.Id, new Entry(conversation, _time.GetUtcNow()));
        return Task.FromResult(created);
    }

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(conversationId, out var entry) ? entry.Conversation : null);

    public Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Append(conversationId, activities, hold: false);

    public Task<IReadOnlyList<StoredActivity>> AppendHeldAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Append(conversationId, activities, hold: true);

    public Task ReleaseHeldAsync(string conversationId)
    {
        if (_conversations.TryGetValue(conversationId, out var entry))
        {
            lock (entry.Gate)
            {
                Tell(entry, []);
            }
        }

        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<StoredActivity>> Append(string conversationId, IReadOnlyList<Activity> activities, bool hold)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            throw new DirectLineConversationNotFoundException(conversationId);
        }

        var stored = new StoredActivity[activities.Count];
        lock (entry.Gate)
        {
            for (var i = 0; i < activities.Count; i++)
            {
                var watermark = ++entry.LastWatermark;
                activities[i].Id = DirectLineActivityIds.For(conversationId, watermark);
                stored[i] = new StoredActivity(watermark, activities[i]);
                entry.Log.Enqueue(stored[i]);
            }

            while (entry.Log.Count > _cap)
            {
                entry.Log.Dequeue();
            }

            entry.LastTouched = _time.GetUtcNow();
            if (hold)
            {
                entry.Held.AddRange(stored);
            }
            else
            {
                Tell(entry, stored);
            }
        }

        return Task.FromResult<IReadOnlyList<StoredActivity>>(stored);
    }

    /// <summary>Tells subscribers about held activities and then <paramref name="appended"/>, in one page. Under the entry's lock.</summary>
    private static void Tell(Entry entry, StoredActivity[] appended)
    {
        IReadOnlyList<StoredActivity> told = appended;
        if (entry.Held.Count > 0)
        {
            told = [.. entry.Held, .. appended];
            entry.Held.Clear();
        }

        if (told.Count == 0)
        {
            return;
        }

        // Under the lock, so every subscriber sees appends in watermark order.
        var page = new ActivityPage(told, entry.LastWatermark);
        foreach (var subscriber in entry.Subscribers)
        {
            subscriber(page);
        }
    }

    public Task<ActivityPage?> ReadAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult<ActivityPage?>(null);
        }

        lock (entry.Gate)
        {
            entry.LastTouched = _time.GetUtcNow();
            var newer = entry.Log.Where(a => a.Watermark > afterWatermark).ToArray();
            return Task.FromResult<ActivityPage?>(new ActivityPage(newer, Math.Max(afterWatermark, entry.LastWatermark)));
        }
    }

    public Task<IAsyncDisposable> SubscribeAsync(string conversationId, Action<ActivityPage> onAppended, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            throw new DirectLineConversationNotFoundException(conversationId);
        }

        lock (entry.Gate)
        {
            entry.Subscribers.Add(onAppended);
            entry.LastTouched = _time.GetUtcNow();
        }

        return Task.FromResult<IAsyncDisposable>(new Subscription(entry, onAppended, _time));
    }

    public void Dispose() => _sweeper.Dispose();

    /// <summary>Drops conversations idle past the timeout with no open stream. Public so tests can sweep on their own clock.</summary>
    public void EvictIdle()
    {
        var cutoff = _time.GetUtcNow() - _idle;
        foreach (var (id, entry) in _conversations)
        {
            lock (entry.Gate)
            {
                if (entry.Subscribers.Count == 0 && entry.LastTouched < cutoff)
                {
                    _conversations.TryRemove(new KeyValuePair<string, Entry>(id, entry));
                }
            }
        }
    }

    private sealed class Entry(DirectLineConversation conversation, DateTimeOffset now)
    {
        public object Gate { get; } = new();

        public DirectLineConversation Conversation { get; } = conversation;

        public Queue<StoredActivity> Log { get; } = new();

        public List<Action<ActivityPage>> Subscribers { get; } = [];

        /// <summary>Appended and in the log, not yet told to subscribers (see <see cref="AppendHeldAsync"/>).</summary>
        public List<StoredActivity> Held { get; } = [];

        public long LastWatermark { get; set; }

        public DateTimeOffset LastTouched { get; set; } = now;
    }

    private sealed class Subscription(Entry entry, Action<ActivityPage> callback, TimeProvider time) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (entry.Gate)
            {
                entry.Subscribers.Remove(callback);
                entry.LastTouched = time.GetUtcNow();
            }

            return ValueTask.CompletedTask;
        }
    }
}
