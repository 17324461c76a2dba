using PrescreenBot.Redis.Scripting;

namespace PrescreenBot.Channels.DirectLine.Store;

/// <summary>
/// The two atomic steps of the Redis store. Log entries are <c>"&lt;watermark&gt; &lt;activity JSON&gt;"</c> (serialized JSON
/// never holds a raw newline, so a published batch is entries joined by <c>\n</c>).
/// </summary>
internal static class RedisDirectLineScripts
{
    /// <summary>
    /// KEYS: meta, seq, log. ARGV: ttl seconds, cap, pub/sub channel, then each activity's JSON.
    /// Numbers the activities (INCRBY), appends them (RPUSH), keeps the newest cap (LTRIM), refreshes the idle expiry,
    /// and publishes them, all at once so every instance sees one order. Returns the first watermark, or -1 when the
    /// conversation does not exist.
    /// </summary>
    public static LuaScript Append { get; } = new("""
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        local count = #ARGV - 3
        local last = redis.call('INCRBY', KEYS[2], count)
        local first = last - count + 1
        local entries = {}
        for i = 1, count do
          entries[i] = tostring(first + i - 1) .. ' ' .. ARGV[i + 3]
        end
        redis.call('RPUSH', KEYS[3], unpack(entries))
        redis.call('LTRIM', KEYS[3], -tonumber(ARGV[2]), -1)
        for k = 1, 3 do redis.call('EXPIRE', KEYS[k], ARGV[1]) end
        redis.call('PUBLISH', ARGV[3], table.concat(entries, '\n'))
        return first
        """);

    /// <summary>
    /// KEYS: meta, seq, log. ARGV: the watermark to read after. Returns nil when the conversation does not exist, else
    /// { last watermark, entries after ARGV[1]... }, reading only the tail of the list it needs.
    /// </summary>
    public static LuaScript Read { get; } = new("""
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        local last = tonumber(redis.call('GET', KEYS[2]) or '0')
        local after = tonumber(ARGV[1])
        local result = { last }
        if after >= last then return result end
        local length = redis.call('LLEN', KEYS[3])
        local start = length - (last - after)
        if start < 0 then start = 0 end
        local entries = redis.call('LRANGE', KEYS[3], start, -1)
        for i = 1, #entries do result[i + 1] = entries[i] end
        return result
        """);
}
