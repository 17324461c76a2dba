namespace PrescreenBot.Redis.IntegrationTests.Fixtures;

/// <summary>One plain redis-server and one client shared by the tests of a class that do not stop the server.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private RedisClient? _client;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Fixture not started.");

    public RedisClient Client => _client ?? throw new InvalidOperationException("Fixture not started.");

    public async Task InitializeAsync()
    {
        // DEBUG SLEEP lets a test make this server slow on purpose.
        _server = await RedisServer.StartAsync("--enable-debug-command", "local");
        _client = new RedisClient(_server.Configuration);
        await _client.WaitUntilConnectedAsync(Eventually.DefaultLimit);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A key no other test uses.</summary>
    public static string UniqueKey(string purpose) => $"test:{purpose}:{Guid.NewGuid():N}";
}
