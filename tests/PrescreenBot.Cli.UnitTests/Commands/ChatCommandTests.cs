using System.Text.Json;
using System.Text.RegularExpressions;
using PrescreenBot.Cli.Commands;
using PrescreenBot.Cli.UnitTests.Support;

namespace PrescreenBot.Cli.UnitTests.Commands;

/// <summary>
/// <c>chat</c> with scripted standard input, on a private copy of the checked-in dialogs/ (a temporary root, so no
/// appsettings.json: no sites, nothing sent anywhere).
/// </summary>
public sealed partial class ChatCommandTests : IDisposable
{
    private const string ResultEvent = "  · event prescreen/result: ";

    private readonly TempFolder root = new();

    public ChatCommandTests() => Repository.CopyDialogsTo(root);

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task RunAsync_EndOfInputAtOnce_ShowsWelcomeAndConsentOptionsAndExitsZero()
    {
        var input = new CountingReader();

        var result = await CliRun.ChatAsync(input, root.Path);

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        result.Output.Should().Contain("PrescreenBot").And.Contain("not medical advice");
        NumberedOptions(result.Output).Should().Equal("Yes", "No");
        result.Output.TrimEnd().Should().EndWith(">", "the prompt waits for an answer");
    }

    [Fact]
    public async Task RunAsync_ConsentAndAnswers_ShowsQuestionsAndAVerdictThatExcludesNobody()
    {
        ScriptedPatient? patient = null;

        var result = await CliRun.ChatAsync(screen => patient = new ScriptedPatient(screen), root.Path, "--trial", "NCT07339332");

        result.ExitCode.Should().Be(0, result.Error);
        patient!.Answers.Should().HaveCountLessThan(ScriptedPatient.MaxAnswers, "the screen reaches its verdict");
        patient.Answers[0].Should().Be("1", "the first answer is consent (option 1, Yes)");
        result.Output.Should().Contain("How old are you", "after consent the questions begin");
        QuestionCounter().IsMatch(result.Output).Should().BeTrue("progress is shown with each question");
        var verdicts = ResultValue(result.Output).GetProperty("verdicts").EnumerateArray().ToList();
        verdicts.Should().ContainSingle("--trial screens exactly that trial");
        verdicts[0].GetProperty("trialId").GetString().Should().Be("NCT07339332");
        verdicts[0].GetProperty("verdict").GetString().Should().Be("needsReview", "\"not sure\" answers never exclude anyone");
    }

    [Fact]
    public async Task RunAsync_WithTrial_NamesThatTrialBeforeAsking()
    {
        var result = await CliRun.ChatAsync(new CountingReader(), root.Path, "--trial", "NCT07339332");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("(NCT07339332)");
        Regex.Matches(result.Output, "Hello! I'm PrescreenBot").Should().HaveCount(1, "the start event greets once");
    }

    [Fact]
    public async Task RunAsync_LocaleZhCn_AnswersInChinese()
    {
        var input = new CountingReader("1");

        var result = await CliRun.ChatAsync(input, root.Path, "--trial", "NCT07339332", "--locale", "zh-CN");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("Hello! I'm PrescreenBot");
        NumberedOptions(result.Output).Should().Equal("是", "否");
        var afterConsent = result.Output[result.Output.IndexOf('>', StringComparison.Ordinal)..];
        ChineseText().IsMatch(afterConsent).Should().BeTrue("the first question is asked in Chinese:\n{0}", afterConsent);
        afterConsent.Should().NotContain("How old are you");
    }

    [Fact]
    public async Task RunAsync_LocaleZhCnToTheVerdict_ReportsInChinese()
    {
        ScriptedPatient? patient = null;

        var result = await CliRun.ChatAsync(screen => patient = new ScriptedPatient(screen), root.Path, "--trial", "NCT07339332", "--locale", "zh-cn");

        result.ExitCode.Should().Be(0, result.Error);
        var verdict = ResultValue(result.Output).GetProperty("verdicts").EnumerateArray().Single();
        verdict.GetProperty("trialId").GetString().Should().Be("NCT07339332");
        verdict.GetProperty("verdict").GetString().Should().Be("needsReview", "\"不确定\" (not sure) never excludes anyone");
        patient!.Answers.Should().HaveCountLessThan(ScriptedPatient.MaxAnswers);
        var verdictMessage = result.Output[..result.Output.IndexOf(ResultEvent, StringComparison.Ordinal)];
        verdictMessage = verdictMessage[verdictMessage.LastIndexOf('>')..];
        ChineseText().IsMatch(verdictMessage).Should().BeTrue("the verdict is explained in Chinese:\n{0}", verdictMessage);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("quit")]
    public async Task RunAsync_StopTyped_ConfirmsAndEndsWithoutReadingFurther(string word)
    {
        var input = new CountingReader("1", word, "34", "yes");

        var result = await CliRun.ChatAsync(input, root.Path, "--trial", "NCT07339332");

        result.ExitCode.Should().Be(0, result.Error);
        input.LinesRead.Should().Be(2, "nothing after the stop is read");
        result.Output.Should().Contain("Stopped").And.NotContain("Question 2");
    }

    [Fact]
    public async Task RunAsync_NumberTypedAtANumberQuestion_IsTheAnswerNotAnOption()
    {
        // "2" after consent is an age, not option 2 of the consent question before it.
        var input = new CountingReader("1", "2");

        var result = await CliRun.ChatAsync(input, root.Path, "--trial", "NCT07339332");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("Question 2 of", "an age of 2 is outside 18–65, so the only trial is out");
    }

    [Fact]
    public async Task RunAsync_DialogsFromTheRoot_AreUsedWithoutDialogsOption()
    {
        foreach (var file in Directory.EnumerateFiles(root.Combine("dialogs")).Where(f => !f.EndsWith("NCT07339332.yaml", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        ScriptedPatient? patient = null;
        var result = await CliRun.ChatAsync(screen => patient = new ScriptedPatient(screen), root.Path);

        result.ExitCode.Should().Be(0, result.Error);
        ResultValue(result.Output).GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("trialId").GetString())
            .Should().Equal(["NCT07339332"], "only the root's dialogs/ is loaded");
    }

    [Fact]
    public async Task RunAsync_MissingDialogsFolder_FailsNamingIt()
    {
        var missing = root.Combine("no-such-dialogs");

        var result = await CliRun.ChatAsync(new CountingReader("1"), root.Path, "--dialogs", missing);

        result.ExitCode.Should().Be(ChatCommand.InputError);
        result.Error.Should().Contain(missing);
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_DialogsFolderWithoutQuestionSets_FailsInsteadOfTellingPatientsNothingFits()
    {
        var empty = root.Combine("empty");
        Directory.CreateDirectory(empty);

        var result = await CliRun.ChatAsync(new CountingReader("1"), root.Path, "--dialogs", empty);

        result.ExitCode.Should().Be(ChatCommand.InputError);
        result.Error.Should().Contain(empty).And.Contain("derive");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_BrokenDialogFile_FailsNamingIt()
    {
        root.Write("dialogs/NCT07339332.yaml", "status: [approved\n");

        var result = await CliRun.ChatAsync(new CountingReader("1"), root.Path);

        result.ExitCode.Should().Be(ChatCommand.InputError);
        result.Error.Should().Contain("NCT07339332.yaml");
    }

    [Fact]
    public async Task RunAsync_BrokenAppSettings_FailsNamingTheFile()
    {
        root.Write("appsettings.json", "{ \"Sites\": [ { \"Id\": 7 } ] }");

        var result = await CliRun.ChatAsync(new CountingReader("1"), root.Path);

        result.ExitCode.Should().Be(ChatCommand.InputError);
        result.Error.Should().Contain("appsettings.json").And.Contain("Sites");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_UnknownTrial_SaysSoAndScreensAcrossAllTrials()
    {
        var result = await CliRun.ChatAsync(new CountingReader(), root.Path, "--trial", "NCT00000000");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("NCT00000000");
        NumberedOptions(result.Output).Should().Equal("Yes", "No");
    }

    [Theory]
    [InlineData(new[] { "--locale", "fr-FR" }, "--locale must be one of")]
    [InlineData(new[] { "--locale" }, "--locale must be one of")]
    [InlineData(new[] { "--color" }, "unexpected argument '--color'")]
    public async Task RunAsync_WrongCommandLine_ExitsWithUsageError(string[] args, string message)
    {
        var result = await CliRun.ChatAsync(new CountingReader(), root.Path, args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message).And.Contain("usage: prescreen chat");
    }

    private static List<string> NumberedOptions(string output) =>
        [.. NumberedOption().Matches(output).Select(m => m.Groups[1].Value.Trim())];

    private static JsonElement ResultValue(string output)
    {
        var line = output.Split('\n').SingleOrDefault(l => l.StartsWith(ResultEvent, StringComparison.Ordinal));
        line.Should().NotBeNull("the verdicts come with a prescreen/result event:\n{0}", output);
        return JsonDocument.Parse(line![ResultEvent.Length..]).RootElement.Clone();
    }

    [GeneratedRegex(@"^ {3}\d+\. (.+)$", RegexOptions.Multiline)]
    private static partial Regex NumberedOption();

    [GeneratedRegex(@"Question \d+ of about \d+")]
    private static partial Regex QuestionCounter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{4,}")]
    private static partial Regex ChineseText();
}
