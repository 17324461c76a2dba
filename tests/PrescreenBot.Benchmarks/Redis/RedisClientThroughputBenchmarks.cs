using BenchmarkDotNet.Attributes;
using PrescreenBot.Redis;

namespace PrescreenBot.Benchmarks.Redis;

/// <summary>
/// The client's own throughput: N concurrent callers share one multiplexed connection, each awaiting its own
/// GET or SET (3-byte values, as redis-benchmark's default), so the pipeline depth comes from concurrency alone.
/// Compare commands/s (1 / mean) with <c>redis-benchmark -q -n 100000 -t get,set -P 16</c> on the same machine.
/// </summary>
[MemoryDiagnoser]
public class RedisClientThroughputBenchmarks
{
    private const int CommandsPerInvoke = 20_000;

    private BenchmarkRedisServer? _server;
    private RedisClient? _client;

    [Params(1, 16, 256)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = BenchmarkRedisServer.Start();
        _client = new RedisClient(_server.Configuration);
        _client.WaitUntilConnectedAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        _client.SetAsync("key:bench", "xxx").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var statistics = _client!.Statistics;
        Console.WriteLine(
            $"// Redis client, {Callers} callers: {statistics.CommandsSent} commands in {statistics.SocketWrites} socket writes "
            + $"({(double)statistics.CommandsSent / Math.Max(1, statistics.SocketWrites):0.0} commands per write)");
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server!.Dispose();
    }

    [Benchmark(OperationsPerInvoke = CommandsPerInvoke)]
    public Task GetAndSet()
    {
        var perCaller = CommandsPerInvoke / Callers;
        var callers = new Task[Callers];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = RunCallerAsync(_client!, perCaller, i);
        }

        return Task.WhenAll(callers);
    }

    private static async Task RunCallerAsync(RedisClient client, int commands, int caller)
    {
        await Task.Yield();
        var key = "key:" + caller;
        for (var i = 0; i < commands; i++)
        {
            if ((i & 1) == 0)
            {
                await client.SetAsync(key, "xxx").ConfigureAwait(false);
            }
            else
            {
                await client.GetAsync(key).ConfigureAwait(false);
            }
        }
    }
}
