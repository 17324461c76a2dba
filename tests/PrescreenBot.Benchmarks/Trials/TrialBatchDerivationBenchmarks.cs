using BenchmarkDotNet.Attributes;
using PrescreenBot.Trials.Derivation;

namespace PrescreenBot.Benchmarks.Trials;

/// <summary>Derivation of 1,000 trials (the five seeds in turn); the reported time is for the whole batch.</summary>
[MemoryDiagnoser]
public class TrialBatchDerivationBenchmarks
{
    /// <summary>How many trials one batch derives.</summary>
    private const int BatchSize = 1000;

    private static readonly DateOnly Today = new(2026, 11, 21);

    private byte[][] _documents = [];

    [GlobalSetup]
    public void Setup() => _documents = [.. SeedDocuments.Names.Select(SeedDocuments.Read)];

    [Benchmark]
    public int Derive1000Trials()
    {
        var criteria = 0;
        for (var i = 0; i < BatchSize; i++)
        {
            criteria += TrialDeriver.Derive(_documents[i % _documents.Length], "batch", Today)[0].Criteria.Count;
        }

        return criteria;
    }
}
