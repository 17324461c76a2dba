using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Redis;
using PrescreenBot.Redis.Protocol;
using PrescreenBot.Redis.PubSub;

namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>
/// Direct Line conversations in Redis, so any instance serves any conversation: <c>dl:{id}:meta</c> (who it belongs to),
/// <c>dl:{id}:seq</c> (INCR'd watermarks), <c>dl:{id}:log</c> (a capped list) and the pub/sub channel <c>dl:{id}</c>,
/// which tells whichever instance holds the patient's WebSocket about every append. All keys share the idle expiry.
/// </summary>
public sealed class RedisDirectLineConversationStore : IDirectLineConversationStore, IAsyncDisposable
{
    private const string KeyPrefix = "dl:";

    /// <summary>
    /// Conversations whose owner this instance already read: ownership never changes, so the GET is saved on every later
    /// request. Appends and reads still check existence in Redis, so an expired conversation is noticed there.
    /// Cleared when full, which bounds memory at a few MB.
    /// </summary>
    private const int KnownConversationsCap = 10_000;

    private readonly RedisClient _redis;
    private readonly TimeSpan _idle;
    private readonly int _cap;
    private readonly SemaphoreSlim _subscriberGate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, Action<ActivityPage>> _listeners = new();
    private readonly ConcurrentDictionary<string, DirectLineConversation> _known = new(StringComparer.Ordinal);
    private RedisSubscriber? _subscriber;

    public RedisDirectLineConversationStore(RedisClient redis, IOptions<DirectLineOptions> options)
    {
        _redis = redis;
        _idle = options.Value.IdleTimeout > TimeSpan.Zero ? options.Value.IdleTimeout : DirectLineOptions.DefaultIdleTimeout;
        _cap = Math.Max(1, options.Value.MaxActivitiesPerConversation);
    }

    private long IdleSeconds => (long)Math.Ceiling(_idle.TotalSeconds);

    public async Task<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var meta = JsonSerializer.SerializeToUtf8Bytes(conversation, BotJson.Options);
        var reply = await _redis.ExecuteAsync("SET", [Meta(conversation.Id), meta, "NX", "EX", IdleSeconds], cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(conversationId, out var known))
        {
            return known;
        }

        var meta = await _redis.GetAsync(Meta(conversationId), cancellationToken).ConfigureAwait(false);
        var conversation = meta is null ? null : JsonSerializer.Deserialize<DirectLineConversation>(meta, BotJson.Options);
        if (conversation is not null)
        {
            if (_known.Count >= KnownConversationsCap)
            {
                _known.Clear();
            }

            _known[conversationId] = conversation;
        }

        return conversation;
    }

    public async Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var args = new RedisArg[3 + activities.Count];
        args[0] = IdleSeconds;
        args[1] = _cap;
        args[2] = Channel(conversationId);
        for (var i = 0; i < activities.Count; i++)
        {
            activities[i].Id = null;
            args[3 + i] = BotJson.SerializeActivity(activities[i]);
        }

        var reply = await RedisDirectLineScripts.Append.EvaluateAsync(_redis, Keys(conversationId), args, cancellationToken).ConfigureAwait(false);
        var first = reply.Integer;
        if (first < 0)
        {
            throw new DirectLineConversationNotFoundException(conversationId);
        }

        var stored = new StoredActivity[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            activities[i].Id = DirectLineActivityIds.For(conversationId, first + i);
            stored[i] = new StoredActivity(first + i, activities[i]);
        }

        return stored;
    }

    public async Task<ActivityPage?> ReadAsync(string conversationId, long afterWatermark, CancellationToken cancellationToken)
    {
        var reply = await RedisDirectLineScripts.Read.EvaluateAsync(_redis, Keys(conversationId), [afterWatermark], cancellationToken).ConfigureAwait(false);
        if (reply.IsNull || !reply.IsAggregate)
        {
            return null;
        }

        var items = reply.Items;
        var last = items[0].Integer;
        var activities = new List<StoredActivity>(items.Count - 1);
        for (var i = 1; i < items.Count; i++)
        {
            var entry = ParseEntry(conversationId, items[i].Bytes.Span);
            if (entry.Watermark > afterWatermark)
            {
                activities.Add(entry);
            }
        }

        return new ActivityPage(activities, Math.Max(afterWatermark, last));
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string conversationId, Action<ActivityPage> onAppended, CancellationToken cancellationToken)
    {
        var subscriber = await SubscriberAsync(cancellationToken).ConfigureAwait(false);
        var key = Guid.NewGuid();
        // After a lost subscriber connection, messages in between are gone: an empty page tells the reader to catch up from the log.
        _listeners[key] = onAppended;
        try
        {
            var subscription = await subscriber.SubscribeAsync(Channel(conversationId), (message, _) =>
            {
                onAppended(ParseBatch(conversationId, message.Payload.Span));
                return ValueTask.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
            return new Listener(this, key, subscription);
        }
        catch
        {
            _listeners.TryRemove(key, out _);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscriber is not null)
        {
            await _subscriber.DisposeAsync().ConfigureAwait(false);
        }

        _subscriberGate.Dispose();
    }

    private async Task<RedisSubscriber> SubscriberAsync(CancellationToken cancellationToken)
    {
        if (_subscriber is { } existing)
        {
            return existing;
        }

        await _subscriberGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_subscriber is null)
            {
                var created = _redis.CreateSubscriber();
                created.Reconnected += () =>
                {
                    foreach (var listener in _listeners.Values)
                    {
                        listener(ActivityPage.Empty(0));
                    }
                };
                _subscriber = created;
            }

            return _subscriber;
        }
        finally
        {
            _subscriberGate.Release();
        }
    }

    private static ActivityPage ParseBatch(string conversationId, ReadOnlySpan<byte> payload)
    {
        var entries = new List<StoredActivity>();
        foreach (var range in payload.Split((byte)'\n'))
        {
            var line = payload[range];
            if (!line.IsEmpty)
            {
                entries.Add(ParseEntry(conversationId, line));
            }
        }

        return new ActivityPage(entries, entries.Count == 0 ? 0 : entries[^1].Watermark);
    }

    private static StoredActivity ParseEntry(string conversationId, ReadOnlySpan<byte> entry)
    {
        var space = entry.IndexOf((byte)' ');
        if (space <= 0 || !Utf8Parser.TryParse(entry[..space], out long watermark, out _))
        {
            throw new FormatException($"A Direct Line log entry of {conversationId} is not '<watermark> <json>'.");
        }

        var activity = BotJson.ParseActivity(entry[(space + 1)..]);
        activity.Id = DirectLineActivityIds.For(conversationId, watermark);
        return new StoredActivity(watermark, activity);
    }

    private static string Meta(string conversationId) => $"{KeyPrefix}{conversationId}:meta";

    private static string Channel(string conversationId) => KeyPrefix + conversationId;

    private static string[] Keys(string conversationId) =>
        [Meta(conversationId), $"{KeyPrefix}{conversationId}:seq", $"{KeyPrefix}{conversationId}:log"];

    private sealed class Listener(RedisDirectLineConversationStore store, Guid key, RedisSubscription subscription) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            store._listeners.TryRemove(key, out _);
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }
}
