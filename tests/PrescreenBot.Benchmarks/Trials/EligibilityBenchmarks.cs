using BenchmarkDotNet.Attributes;
using PrescreenBot.Trials;
using PrescreenBot.Trials.Derivation;
using PrescreenBot.Trials.Eligibility;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Benchmarks.Trials;

/// <summary>
/// What the conversation pays per answer: evaluating all five seed trials (cohorts included) on a partial and on a
/// complete set of answers.
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private TrialQuestionSet[] _sets = [];
    private Dictionary<string, Answer> _partial = [];
    private Dictionary<string, Answer> _complete = [];

    [GlobalSetup]
    public void Setup()
    {
        var today = new DateOnly(2026, 11, 21);
        _sets = [.. SeedDocuments.Names.Select(n => TrialDeriver.Derive(SeedDocuments.Read(n), n, today)[0])];
        _partial = new()
        {
            [QuestionKeys.Age] = Answer.Years(34),
            [QuestionKeys.Sex] = Answer.Chosen("female"),
            [QuestionKeys.Condition] = Answer.Chosen(ConditionKeys.Sle),
        };
        _complete = QuestionCatalog.Templates.Values
            .Where(t => t.AnswerType == AnswerType.YesNo)
            .ToDictionary(t => t.Key, _ => Answer.No());
        foreach (var (key, answer) in _partial)
        {
            _complete[key] = answer;
        }

        _complete[QuestionKeys.DiagnosisDuration] = Answer.Quantity(2, Units.Years);
    }

    [Benchmark]
    public int EvaluateFiveTrialsPartialAnswers() => EligibilityEvaluator.EvaluateAll(_sets, _partial).Count(e => e.IsStillPossible);

    [Benchmark]
    public int EvaluateFiveTrialsCompleteAnswers() => EligibilityEvaluator.EvaluateAll(_sets, _complete).Count(e => e.IsStillPossible);
}
