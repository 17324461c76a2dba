using System.Text;
using Microsoft.Extensions.Logging;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Connection;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.PubSub;

/// <summary>
/// Pub/sub on its own connection (Redis allows nothing but (P)(UN)SUBSCRIBE on a subscribed connection).
/// Reconnects like <see cref="RedisClient"/> and then subscribes again to everything; messages published while it was
/// away are lost (that is pub/sub), so <see cref="Reconnected"/> tells readers to catch up from the durable source.
/// </summary>
public sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly object _sync = new();
    private readonly Dictionary<(bool Pattern, string Name), List<RedisSubscription>> _subscriptions = [];
    private readonly Dictionary<(bool Pattern, string Name), TaskCompletionSource> _confirmations = [];
    private readonly RedisConnection _connection;
    private readonly ILogger _logger;
    private readonly RedisOptions _options;
    private readonly TimeProvider _time;
    private int _connects;

    internal RedisSubscriber(RedisOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<RedisSubscriber>();
        _connection = new RedisConnection(options, _logger, time, OnPush, OnConnectedAsync);
    }

    /// <summary>Raised after a lost connection came back and every subscription was renewed; messages in between were missed.</summary>
    public event Action? Reconnected;

    public RedisConnectionState State => _connection.State;

    /// <summary>SUBSCRIBE; returns once Redis confirmed, so anything published afterwards is delivered.</summary>
    public Task<RedisSubscription> SubscribeAsync(string channel, CancellationToken cancellationToken = default) =>
        AddAsync(channel, isPattern: false, cancellationToken);

    /// <summary>PSUBSCRIBE with a glob-style pattern, e.g. <c>conversation:*</c>.</summary>
    public Task<RedisSubscription> PSubscribeAsync(string pattern, CancellationToken cancellationToken = default) =>
        AddAsync(pattern, isPattern: true, cancellationToken);

    /// <summary>SUBSCRIBE with a callback, called for one message at a time; an exception from it is logged and the next message follows.</summary>
    public async Task<RedisSubscription> SubscribeAsync(
        string channel, Func<RedisMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = await AddAsync(channel, isPattern: false, cancellationToken).ConfigureAwait(false);
        subscription.Pump = Task.Run(async () =>
        {
            await foreach (var message in subscription.Messages.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                try
                {
                    await handler(message, CancellationToken.None).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failing handler must not end the subscription; the failure is logged by type.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogWarning("Redis subscription handler for {Channel} failed with {ErrorType}", channel, ex.GetType().Name);
                }
            }
        }, CancellationToken.None);
        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        List<RedisSubscription> all;
        lock (_sync)
        {
            all = _subscriptions.Values.SelectMany(list => list).ToList();
            _subscriptions.Clear();
        }

        foreach (var subscription in all)
        {
            subscription.Complete();
        }
    }

    private async Task<RedisSubscription> AddAsync(string name, bool isPattern, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var key = (isPattern, name);
        var subscription = new RedisSubscription(name, isPattern, RemoveAsync, OnDrop);
        TaskCompletionSource? confirmation;
        lock (_sync)
        {
            if (!_subscriptions.TryGetValue(key, out var list))
            {
                _subscriptions[key] = list = [];
            }

            list.Add(subscription);
            if (!_confirmations.TryGetValue(key, out confirmation) && list.Count == 1)
            {
                _confirmations[key] = confirmation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (confirmation is null)
        {
            return subscription; // the channel was already subscribed on the server
        }

        try
        {
            if (_connection.State == RedisConnectionState.Connecting)
            {
                // The post-handshake hook subscribes to everything registered; a failed attempt should fail us now, not at the timeout.
                await _connection.AttemptSettled.WaitAsync(_options.CommandTimeout, _time, cancellationToken).ConfigureAwait(false);
            }

            if (_connection.State != RedisConnectionState.Connected)
            {
                throw new RedisConnectionException($"Redis at {_options.EndPoint} is unavailable ({_connection.State}).", _connection.LastError);
            }

            if (!confirmation.Task.IsCompleted)
            {
                _connection.Send(RespCommand.Encode(isPattern ? "PSUBSCRIBE" : "SUBSCRIBE", [name])); // a repeat is harmless
            }

            await confirmation.Task.WaitAsync(_options.CommandTimeout, _time, cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch (Exception ex)
        {
            await RemoveAsync(subscription).ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new RedisTimeoutException($"Redis at {_options.EndPoint} did not confirm the subscription within its timeout.");
            }

            throw;
        }
    }

    private ValueTask RemoveAsync(RedisSubscription subscription)
    {
        var key = (subscription.IsPattern, subscription.Name);
        var last = false;
        lock (_sync)
        {
            if (_subscriptions.TryGetValue(key, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscriptions.Remove(key);
                _confirmations.Remove(key);
                last = true;
            }
        }

        subscription.Complete();
        if (last && _connection.State == RedisConnectionState.Connected)
        {
            try
            {
                _connection.Send(RespCommand.Encode(subscription.IsPattern ? "PUNSUBSCRIBE" : "UNSUBSCRIBE", [subscription.Name]));
            }
            catch (RedisConnectionException)
            {
                // Gone already: a new connection will not resubscribe to it, which is all unsubscribing has to achieve.
            }
        }

        return ValueTask.CompletedTask;
    }

    private Task OnConnectedAsync(CancellationToken cancellationToken)
    {
        List<(bool Pattern, string Name)> keys;
        lock (_sync)
        {
            keys = [.. _subscriptions.Keys];
            foreach (var key in keys)
            {
                if (!_confirmations.ContainsKey(key))
                {
                    _confirmations[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        foreach (var (pattern, name) in keys)
        {
            _connection.Send(RespCommand.Encode(pattern ? "PSUBSCRIBE" : "SUBSCRIBE", [name]));
        }

        if (Interlocked.Increment(ref _connects) > 1)
        {
            var handlers = Reconnected;
            if (handlers is not null)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static h => h(), handlers, preferLocal: false);
            }
        }

        return Task.CompletedTask;
    }

    private bool OnPush(RespValue frame)
    {
        var items = frame.Items;
        if (items.Count < 3)
        {
            return false;
        }

        var kind = items[0].Bytes.Span;
        if (kind.SequenceEqual("message"u8))
        {
            Deliver((false, Text(items[1])), new RedisMessage(Text(items[1]), items[2].Bytes));
        }
        else if (kind.SequenceEqual("pmessage"u8) && items.Count >= 4)
        {
            Deliver((true, Text(items[1])), new RedisMessage(Text(items[2]), items[3].Bytes, Text(items[1])));
        }
        else if (kind.SequenceEqual("subscribe"u8) || kind.SequenceEqual("psubscribe"u8))
        {
            var key = (kind[0] == (byte)'p', Text(items[1]));
            lock (_sync)
            {
                if (_confirmations.Remove(key, out var confirmation))
                {
                    confirmation.TrySetResult();
                }
            }
        }

        return true;
    }

    private void Deliver((bool Pattern, string Name) key, RedisMessage message)
    {
        RedisSubscription[] targets;
        lock (_sync)
        {
            if (!_subscriptions.TryGetValue(key, out var list))
            {
                return;
            }

            targets = [.. list];
        }

        foreach (var subscription in targets)
        {
            subscription.Deliver(message);
        }
    }

    private void OnDrop(RedisSubscription subscription) =>
        RedisLog.SubscriptionOverflow(_logger, subscription.Name, RedisSubscription.DefaultCapacity);

    private static string Text(RespValue value) => Encoding.UTF8.GetString(value.Bytes.Span);
}
