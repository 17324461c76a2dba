using PrescreenBot.Redis.Scripting;

namespace PrescreenBot.Redis.Caching;

/// <summary>
/// Cache entries are hashes: <c>data</c>, <c>abs</c> (absolute expiry, Unix ms, -1 = none) and <c>sld</c> (sliding
/// window, ms, -1 = none). The key's own TTL is the sooner of the two, so Redis evicts entries by itself; reading or
/// refreshing an entry with a sliding window pushes the TTL out again, in the same round trip.
/// </summary>
internal static class CacheScripts
{
    /// <summary>KEYS[1]; ARGV: data, abs, sld, ttl in ms (-1 = keep forever).</summary>
    public static LuaScript Set { get; } = new("""
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'data', ARGV[1], 'abs', ARGV[2], 'sld', ARGV[3])
        if ARGV[4] ~= '-1' then
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
        end
        return 1
        """);

    /// <summary>KEYS[1]; ARGV: now (Unix ms), '1' to return the data. Returns nil when missing or expired.</summary>
    public static LuaScript GetAndRefresh { get; } = new("""
        local fields = redis.call('HMGET', KEYS[1], 'data', 'abs', 'sld')
        if not fields[1] then
          return false
        end
        local abs = tonumber(fields[2])
        local sld = tonumber(fields[3])
        local now = tonumber(ARGV[1])
        if sld ~= -1 then
          local ttl = sld
          if abs ~= -1 then
            ttl = math.min(ttl, abs - now)
          end
          if ttl <= 0 then
            redis.call('DEL', KEYS[1])
            return false
          end
          redis.call('PEXPIRE', KEYS[1], ttl)
        end
        if ARGV[2] == '1' then
          return fields[1]
        end
        return 1
        """);
}
