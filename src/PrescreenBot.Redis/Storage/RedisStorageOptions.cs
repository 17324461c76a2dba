using System.Text.Json;

namespace PrescreenBot.Redis.Storage;

/// <summary>Settings of <see cref="RedisStorage"/>.</summary>
public sealed record RedisStorageOptions
{
    /// <summary>Keeps bot state apart from anything else sharing the Redis database.</summary>
    public const string DefaultKeyPrefix = "prescreenbot:state:";

    /// <summary>
    /// A conversation untouched this long is forgotten and the patient starts over (with a kind message). Three days
    /// lets someone finish a pre-screen after a weekend while not keeping abandoned health answers around any longer.
    /// </summary>
    public static readonly TimeSpan DefaultIdleExpiry = TimeSpan.FromHours(72);

    public string KeyPrefix { get; init; } = DefaultKeyPrefix;

    /// <summary>Every write resets the key's time to live to this (an idle timeout, not an absolute one).</summary>
    public TimeSpan IdleExpiry { get; init; } = DefaultIdleExpiry;

    /// <summary>Serializer settings; null uses the bot's shared <see cref="PrescreenBot.Bot.Schema.BotJson.Options"/>.</summary>
    public JsonSerializerOptions? JsonOptions { get; init; }
}
