using BenchmarkDotNet.Attributes;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Derivation;

namespace PrescreenBot.Benchmarks.Trials;

/// <summary>
/// Derivation of a question set from a trial document (import, segmentation, classification, questions, flags):
/// per seed trial. Target: &lt; 5 ms per trial (median). See <see cref="TrialBatchDerivationBenchmarks"/> for 1,000 trials.
/// </summary>
[MemoryDiagnoser]
public class TrialDerivationBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private byte[] _document = [];

    [ParamsSource(nameof(Seeds))]
    public string Seed { get; set; } = string.Empty;

    public static IEnumerable<string> Seeds => SeedDocuments.Names;

    [GlobalSetup]
    public void Setup()
    {
        _document = SeedDocuments.Read(Seed);
    }

    [Benchmark]
    public TrialQuestionSet DeriveOneTrial() => TrialDeriver.Derive(_document, Seed, Today)[0];
}
