namespace PrescreenBot.State;

/// <summary>Where bot state lives (configuration section <c>Storage</c>; Redis settings under <c>Redis</c>).</summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; init; } = StorageProvider.Memory;
}

public enum StorageProvider
{
    /// <summary>In this process: nothing to install, lost on restart, one instance only.</summary>
    Memory,

    /// <summary>Redis (<c>Redis:Configuration</c>): survives restarts, shared by every instance, expires when idle.</summary>
    Redis,
}

/// <summary>The <c>Redis</c> section.</summary>
public sealed record RedisSettings
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange-style string (<c>host:port,password=…,ssl=true</c>) or a <c>redis://</c>/<c>rediss://</c> URL.</summary>
    public string? Configuration { get; init; }

    /// <summary>Prefix of state keys; null keeps the storage's default.</summary>
    public string? KeyPrefix { get; init; }

    /// <summary>How long an untouched conversation's state is kept; null keeps the storage's default (72 hours).</summary>
    public TimeSpan? IdleExpiry { get; init; }
}
