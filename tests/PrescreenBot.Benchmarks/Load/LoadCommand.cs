using System.Diagnostics;
using System.Globalization;

namespace PrescreenBot.Benchmarks.Load;

/// <summary>
/// <c>load --channel connector|directline --conversations 50 --url http://127.0.0.1:3978 [--duration 20] [--warmup 3]</c>:
/// drives a running bot with N concurrent conversations walking the whole pre-screen, then prints turns/s and latency
/// percentiles. Each channel is an <see cref="ILoadChannel"/> in this folder, found by its <see cref="ILoadChannel.Name"/>.
/// </summary>
public static class LoadCommand
{
    public const string Verb = "load";

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        var channels = FindChannels();
        if (!channels.TryGetValue(options.Channel, out var channel))
        {
            Console.Error.WriteLine($"Unknown channel '{options.Channel}'. Known: {string.Join(", ", channels.Keys.Order())}.");
            return 2;
        }

        Console.WriteLine($"load: channel={options.Channel} conversations={options.Conversations} url={options.Url} warmup={options.Warmup.TotalSeconds}s duration={options.Duration.TotalSeconds}s");
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var report = await channel.RunAsync(options, cancellation.Token).ConfigureAwait(false);
        Console.WriteLine(report.Format());
        return report.Errors == 0 && report.Turns > 0 ? 0 : 1;
    }

    private static Dictionary<string, ILoadChannel> FindChannels() =>
        typeof(LoadCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILoadChannel).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ILoadChannel)Activator.CreateInstance(t)!)
            .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One way of reaching the bot (Bot Connector, Direct Line) for the load generator.</summary>
public interface ILoadChannel
{
    /// <summary>The <c>--channel</c> value.</summary>
    string Name { get; }

    Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken);
}

/// <summary>The command line of <c>load</c>.</summary>
public sealed record LoadOptions
{
    public const string Usage = "usage: load --channel connector|directline [--conversations 50] [--url http://127.0.0.1:3978] [--duration 20] [--warmup 3] [--locale en-US]";

    /// <summary>The issue's reference point: 50 concurrent conversations.</summary>
    public const int DefaultConversations = 50;

    public required string Channel { get; init; }

    public int Conversations { get; init; } = DefaultConversations;

    public Uri Url { get; init; } = new("http://127.0.0.1:3978/");

    /// <summary>Measured period; long enough for stable percentiles, short enough for a shared machine.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Unmeasured lead-in (JIT, connection pools, tiered compilation).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public string Locale { get; init; } = "en-US";

    public static LoadOptions Parse(string[] args)
    {
        string? channel = null;
        var options = new LoadOptions { Channel = string.Empty };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--channel" => options with { Channel = channel = value },
                "--conversations" => options with { Conversations = PositiveInt(args[i], value) },
                "--url" => options with { Url = Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--url {value} is not an absolute URL.") },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(PositiveInt(args[i], value)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--locale" => options with { Locale = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }

        return channel is null ? throw new ArgumentException("--channel is required.") : options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}

/// <summary>Turn latencies of one run, recorded lock-free per worker and merged at the end.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double>[] _perWorker;

    public LatencyRecorder(int workers)
    {
        _perWorker = new List<double>[workers];
        for (var i = 0; i < workers; i++)
        {
            _perWorker[i] = new List<double>(64 * 1024);
        }
    }

    /// <summary>Records one turn of worker <paramref name="worker"/> that started at <paramref name="startTimestamp"/>.</summary>
    public void Record(int worker, long startTimestamp) => _perWorker[worker].Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public double[] Sorted()
    {
        var all = _perWorker.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return all;
    }
}

/// <summary>What a run measured.</summary>
public sealed record LoadReport(string Channel, int Conversations, TimeSpan Elapsed, double[] SortedLatenciesMs, long ScreensCompleted, long Errors)
{
    public long Turns => SortedLatenciesMs.Length;

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1)];

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"""
        channel {Channel}, {Conversations} concurrent conversations, measured {Elapsed.TotalSeconds:F1} s
        turns      {Turns} ({TurnsPerSecond:F0} turns/s), whole pre-screens completed {ScreensCompleted}, errors {Errors}
        latency ms p50 {Percentile(50):F2}  p90 {Percentile(90):F2}  p99 {Percentile(99):F2}  max {(Turns == 0 ? double.NaN : SortedLatenciesMs[^1]):F2}
        """);
}
