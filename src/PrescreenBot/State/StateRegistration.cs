using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrescreenBot.Bot.State;
using PrescreenBot.Redis;
using PrescreenBot.Redis.Caching;
using PrescreenBot.Redis.Configuration;
using PrescreenBot.Redis.Health;
using PrescreenBot.Redis.Storage;

namespace PrescreenBot.State;

/// <summary>
/// Wires bot state: <see cref="IStorage"/> from <c>Storage:Provider</c> (Memory by default, or Redis), the
/// conversation and user state over it, and an <see cref="IDistributedCache"/> on the same backend. With Redis, one
/// shared <see cref="RedisClient"/> (also available to other features, e.g. Direct Line scale-out) and
/// <see cref="RedisHealth"/> are registered; Redis being down at start does not stop the bot from starting.
/// </summary>
public static class StateRegistration
{
    public static WebApplicationBuilder AddBotState(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                services.AddSingleton<IStorage, MemoryStorage>();
                services.AddDistributedMemoryCache();
                break;
            case StorageProvider.Redis:
                AddRedis(services, builder.Configuration.GetSection(RedisSettings.SectionName).Get<RedisSettings>() ?? new RedisSettings());
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider must be Memory or Redis, not '{storage.Provider}'.");
        }

        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return builder;
    }

    private static void AddRedis(IServiceCollection services, RedisSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Configuration))
        {
            throw new InvalidOperationException("Storage:Provider is Redis but Redis:Configuration is empty (e.g. \"127.0.0.1:6379\").");
        }

        // Parsed now so a typo stops the start with a clear message instead of failing every turn later.
        var options = RedisConfigurationParser.Parse(settings.Configuration);
        services.AddSingleton(provider => new RedisClient(options, provider.GetService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorage>(provider => new RedisStorage(provider.GetRequiredService<RedisClient>(), new RedisStorageOptions
        {
            KeyPrefix = settings.KeyPrefix ?? RedisStorageOptions.DefaultKeyPrefix,
            IdleExpiry = settings.IdleExpiry ?? RedisStorageOptions.DefaultIdleExpiry,
        }));
        services.AddSingleton<IDistributedCache>(provider => new RedisCache(provider.GetRequiredService<RedisClient>(), timeProvider: provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new RedisHealth(provider.GetRequiredService<RedisClient>(), provider.GetRequiredService<TimeProvider>()));
    }
}
