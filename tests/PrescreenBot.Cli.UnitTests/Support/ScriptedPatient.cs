using System.Text.RegularExpressions;

namespace PrescreenBot.Cli.UnitTests.Support;

/// <summary>
/// Standard input of a patient who reads the screen: consents, gives an age when a number is asked, picks "Not sure"
/// when it is offered, in either language (else "Prefer not to say", else "Yes", else the first option), and closes the input (EOF) once
/// the verdicts' result event is printed. Answering from the screen rather than from a fixed list keeps the tests
/// independent of the order the planner picks.
/// </summary>
internal sealed partial class ScriptedPatient(StringWriter screen, string age = "34") : TextReader
{
    /// <summary>More answers than any pre-screen needs: a loop in the conversation ends the test instead of hanging it.</summary>
    public const int MaxAnswers = 80;

    private static readonly string[] Preferred = ["Not sure", "不确定", "Prefer not to say", "不愿透露", "Yes", "是"];

    private int seen;

    public List<string> Answers { get; } = [];

    public override string? ReadLine()
    {
        var text = screen.ToString();
        var prompt = text[seen..];
        seen = text.Length;
        if (text.Contains("event prescreen/result", StringComparison.Ordinal) || Answers.Count >= MaxAnswers)
        {
            return null;
        }

        var options = NumberedOption().Matches(prompt).Select(m => (Number: m.Groups[1].Value, Title: m.Groups[2].Value.Trim())).ToList();
        var answer = options.Count == 0
            ? age
            : Preferred.Select(p => options.FirstOrDefault(o => o.Title.Equals(p, StringComparison.OrdinalIgnoreCase)).Number).FirstOrDefault(n => n is not null)
              ?? options[0].Number;
        Answers.Add(answer);
        return answer;
    }

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

    [GeneratedRegex(@"^ {3}(\d+)\. (.+)$", RegexOptions.Multiline)]
    private static partial Regex NumberedOption();
}
