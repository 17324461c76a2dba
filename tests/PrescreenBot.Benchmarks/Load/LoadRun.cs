using System.Diagnostics;

namespace PrescreenBot.Benchmarks.Load;

/// <summary>Shared between the workers of one load run, whatever the channel: the measuring window, completed screens and errors.</summary>
internal sealed class LoadRun(LoadOptions options, long startTimestamp)
{
    /// <summary>The first few errors say what went wrong; thousands of copies would only hide the figures.</summary>
    private const int ErrorsPrinted = 5;

    private readonly long _measureFrom = startTimestamp + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
    private readonly long _measureUntil = startTimestamp + (long)((options.Warmup + options.Duration).TotalSeconds * Stopwatch.Frequency);
    private long _errors;

    public long ScreensCompleted;

    public long Errors => Interlocked.Read(ref _errors);

    public bool IsOver => Stopwatch.GetTimestamp() >= _measureUntil;

    public bool IsMeasuring(long timestamp) => timestamp >= _measureFrom && timestamp < _measureUntil;

    public void Error(int worker, string what)
    {
        if (Interlocked.Increment(ref _errors) <= ErrorsPrinted)
        {
            Console.Error.WriteLine($"worker {worker}: {what}");
        }
    }
}
