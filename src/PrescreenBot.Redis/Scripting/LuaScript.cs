using System.Security.Cryptography;
using System.Text;
using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis.Scripting;

/// <summary>
/// A Lua script run by its SHA1 (EVALSHA: the script text crosses the wire only once). When Redis has forgotten it
/// (restart, SCRIPT FLUSH, failover) the NOSCRIPT error is answered by one EVAL, which also caches it again.
/// </summary>
public sealed class LuaScript
{
    public LuaScript(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    public string Source { get; }

    /// <summary>Lower-case hex SHA1, as Redis names scripts.</summary>
    public string Sha1 { get; }

    public async Task<RespValue> EvaluateAsync(
        RedisClient client, IReadOnlyList<string> keys, IReadOnlyList<RedisArg> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.EvalShaAsync(Sha1, keys, args, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.ErrorCode == "NOSCRIPT")
        {
            return await client.EvalAsync(Source, keys, args, cancellationToken).ConfigureAwait(false);
        }
    }
}
