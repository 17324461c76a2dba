using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Connection;

/// <summary>
/// The way out: matching replies to waiting commands in order, and routing pub/sub frames to the push handler on
/// subscriber connections.
/// </summary>
internal sealed partial class RedisConnection
{
    private void OnReplies(ConnectionSession session, List<RespValue> replies)
    {
        // Match under the lock, complete outside it: completions may run continuations inline despite the options.
        var matched = new (PendingCommand Command, RespValue Reply)[replies.Count];
        var count = 0;
        lock (_sync)
        {
            foreach (var reply in replies)
            {
                if (_pushHandler is not null && (IsPushFrame(reply) || session.Inflight.Count == 0))
                {
                    matched[count++] = (null!, reply);
                    continue;
                }

                if (!session.Inflight.TryDequeue(out var pending))
                {
                    throw new InvalidDataException("Redis sent a reply nobody asked for; the connection is out of step.");
                }

                matched[count++] = (pending, reply);
            }
        }

        _counters.AddReplies(count);
        for (var i = 0; i < count; i++)
        {
            var (pending, reply) = matched[i];
            if (pending is null)
            {
                _pushHandler!(reply);
            }
            else
            {
                pending.Complete(reply);
            }
        }
    }

    private static bool IsPushFrame(RespValue reply)
    {
        if (reply.Type == RespType.Push)
        {
            return true;
        }

        if (reply.Type != RespType.Array || reply.Items.Count < 3 || reply.Items[0].Type != RespType.BulkString)
        {
            return false;
        }

        var kind = reply.Items[0].Bytes.Span;
        return kind.SequenceEqual("message"u8) || kind.SequenceEqual("pmessage"u8) || kind.SequenceEqual("subscribe"u8)
            || kind.SequenceEqual("psubscribe"u8) || kind.SequenceEqual("unsubscribe"u8) || kind.SequenceEqual("punsubscribe"u8);
    }
}
