namespace PrescreenBot.IntegrationTests.DirectLine;

/// <summary>One bot instance with Direct Line (and bot state) in the given Redis; two of these are a scaled-out service.</summary>
public sealed class RedisDirectLineApp(string redisConfiguration) : DirectLineApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Redis",
        ["Redis:Configuration"] = redisConfiguration,
    };
}
