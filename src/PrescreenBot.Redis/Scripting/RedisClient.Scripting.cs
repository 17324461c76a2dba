using PrescreenBot.Redis.Protocol;

namespace PrescreenBot.Redis;

/// <summary>Script commands: EVAL, EVALSHA, SCRIPT LOAD.</summary>
public sealed partial class RedisClient
{
    public Task<RespValue> EvalAsync(
        string script, IReadOnlyList<string> keys, IReadOnlyList<RedisArg> args, CancellationToken cancellationToken = default) =>
        ExecuteAsync("EVAL", ScriptArgs(script, keys, args), cancellationToken);

    /// <summary>EVALSHA; throws <see cref="RedisServerException"/> with code NOSCRIPT when Redis does not know the script.</summary>
    public Task<RespValue> EvalShaAsync(
        string sha1, IReadOnlyList<string> keys, IReadOnlyList<RedisArg> args, CancellationToken cancellationToken = default) =>
        ExecuteAsync("EVALSHA", ScriptArgs(sha1, keys, args), cancellationToken);

    /// <summary>SCRIPT LOAD; returns the script's SHA1.</summary>
    public async Task<string> ScriptLoadAsync(string script, CancellationToken cancellationToken = default) =>
        (await Run("SCRIPT", ["LOAD", script], cancellationToken).ConfigureAwait(false)).ToString();

    private static RedisArg[] ScriptArgs(string scriptOrSha, IReadOnlyList<string> keys, IReadOnlyList<RedisArg> args)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(args);
        var all = new RedisArg[2 + keys.Count + args.Count];
        all[0] = scriptOrSha;
        all[1] = keys.Count;
        for (var i = 0; i < keys.Count; i++)
        {
            all[2 + i] = keys[i];
        }

        for (var i = 0; i < args.Count; i++)
        {
            all[2 + keys.Count + i] = args[i];
        }

        return all;
    }
}
