using PrescreenBot.Redis.Scripting;

namespace PrescreenBot.Redis.Storage;

/// <summary>
/// The atomic write of <see cref="RedisStorage"/>: first checks every key whose write names an expected ETag, then, only
/// if all match, writes all values with a fresh idle expiry. An expected empty ETag means the key must not exist yet. Returns 0 on success or the 1-based index of the first
/// conflicting key (nothing written). A key that is gone while an ETag was expected is a conflict: someone deleted it or it expired.
/// </summary>
internal static class CompareAndSetScript
{
    public static LuaScript Script { get; } = new("""
        -- KEYS: storage keys. ARGV[1]: expiry in seconds; then per key: expected ETag ('*' = unconditional,
        -- '' = the key must not exist), '<etag>\n<json>'.
        for i = 1, #KEYS do
          local expected = ARGV[i * 2]
          if expected ~= '*' then
            local current = redis.call('GET', KEYS[i])
            if expected == '' then
              if current then return i end
            elseif not current or string.sub(current, 1, #expected + 1) ~= expected .. '\n' then
              return i
            end
          end
        end
        for i = 1, #KEYS do
          redis.call('SET', KEYS[i], ARGV[i * 2 + 1], 'EX', ARGV[1])
        end
        return 0
        """);
}
