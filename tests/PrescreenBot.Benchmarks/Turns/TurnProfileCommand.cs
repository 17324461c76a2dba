extern alias host;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using PrescreenBot.Benchmarks.Load;

namespace PrescreenBot.Benchmarks.Turns;

/// <summary>
/// <c>turns [--turns 20000] [--warmup 5000] [--conversations 1]</c>: the real host in this process (WebApplicationFactory over the in-memory
/// test server, so no sockets and no second process share the CPU), simulated patients (one by default, each walking
/// whole pre-screens one after another) over <c>POST /api/messages</c> with <c>expectReplies</c>. Prints, per turn, wall
/// time, process CPU time, bytes allocated, collections and GC pause — figures that, unlike a load run's turns/s, hardly
/// move when the machine is busy (with <c>DOTNET_TieredCompilation=0</c>, instructions per turn under <c>perf stat</c>
/// repeat within 0.1%, good enough to judge a 2% change).
/// Client-side costs (the in-memory HTTP client, reading the replies) are included; they are small beside the bot's.
/// </summary>
public static class TurnProfileCommand
{
    public const string Verb = "turns";

    /// <summary>Enough turns for every method to reach its final JIT tier before measuring.</summary>
    private const int DefaultWarmupTurns = 5_000;

    private const int DefaultMeasuredTurns = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var measured = Option(args, "--turns", DefaultMeasuredTurns);
        var warmup = Option(args, "--warmup", DefaultWarmupTurns);
        var patients = Option(args, "--conversations", 1);
        using var factory = new WebApplicationFactory<host::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSolutionRelativeContentRoot("src/PrescreenBot");
            builder.UseEnvironment("Production");
            builder.UseSetting("Limits:ConversationRate:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("ConnectionStrings:Prescreen", $"Data Source={Path.Combine(Path.GetTempPath(), $"prescreenbot-turns-{Environment.ProcessId}.db")}");
        });
        using var client = factory.CreateClient();
        var walkers = Enumerable.Range(0, patients).Select(_ => new PatientWalker(client)).ToArray();

        await Task.WhenAll(walkers.Select(walker => walker.TakeTurnsAsync(warmup / patients))).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pausedBefore = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();

        var perPatient = measured / patients;
        measured = perPatient * patients;
        await Task.WhenAll(walkers.Select(walker => Task.Run(() => walker.TakeTurnsAsync(perPatient)))).ConfigureAwait(false);

        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            turns {measured} (after {warmup} warm-up, {patients} at a time), whole pre-screens {walkers.Sum(w => w.ScreensCompleted)}, server GC {System.Runtime.GCSettings.IsServerGC}, latency mode {System.Runtime.GCSettings.LatencyMode}
            per turn: wall {elapsed.TotalMicroseconds / measured:F1} µs, process CPU {cpu.TotalMicroseconds / measured:F1} µs, allocated {allocated / measured:N0} B
            collections gen0 {GC.CollectionCount(0) - collectionsBefore.Item1}, gen1 {GC.CollectionCount(1) - collectionsBefore.Item2}, gen2 {GC.CollectionCount(2) - collectionsBefore.Item3}; GC pause {paused.TotalMilliseconds:F0} ms ({paused.TotalMicroseconds / measured:F1} µs a turn, {100 * paused / elapsed:F1}% of the time)
            """));
        return 0;
    }

    private static int Option(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : defaultValue;
    }

    /// <summary>One simulated patient after another, answering as the load generator does.</summary>
    private sealed class PatientWalker(HttpClient client)
    {
        private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
        private int _conversation;
        private int _sequence;
        private string _conversationId = string.Empty;
        private byte[]? _next;

        public int ScreensCompleted { get; private set; }

        public async Task TakeTurnsAsync(int turns)
        {
            for (var turn = 0; turn < turns; turn++)
            {
                if (_next is null || _sequence >= ConnectorLoad.MaxTurnsPerConversation)
                {
                    _conversationId = $"turns-{_runId}-{_conversation++}";
                    _sequence = 0;
                    _next = ConnectorLoad.ConversationUpdate(_conversationId, "en-US");
                }

                using var content = new ByteArrayContent(_next);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync(new Uri("api/messages", UriKind.Relative), content).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"HTTP {(int)response.StatusCode} on turn {turn}.");
                }

                using var replies = JsonDocument.Parse(body);
                var answer = ConnectorLoadAnswers.Choose(ConnectorLoadAnswers.LastQuestion(replies.RootElement.GetProperty("activities"), out var sawResult));
                ScreensCompleted += sawResult ? 1 : 0;
                _next = answer is null ? null : ConnectorLoad.Message(_conversationId, ++_sequence, answer, "en-US");
            }
        }
    }
}
