namespace PrescreenBot.Redis.Caching;

/// <summary>Settings of <see cref="RedisCache"/>.</summary>
public sealed record RedisCacheOptions
{
    /// <summary>Keeps cache entries apart from bot state and anything else in the same Redis database.</summary>
    public const string DefaultKeyPrefix = "prescreenbot:cache:";

    public string KeyPrefix { get; init; } = DefaultKeyPrefix;
}
