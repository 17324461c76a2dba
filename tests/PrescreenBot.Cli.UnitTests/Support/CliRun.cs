using PrescreenBot.Cli.Commands;
using PrescreenBot.Cli.Commands.Derive;

namespace PrescreenBot.Cli.UnitTests.Support;

/// <summary>What a command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the commands in-process through the same command table as the program, with captured writers.</summary>
internal static class CliRun
{
    public static Task<CliResult> DeriveAsync(params string[] args) => RunAsync(Table(TextReader.Null, null), ["derive", .. args]);

    public static Task<CliResult> ChatAsync(TextReader input, string? repositoryRoot, params string[] args) =>
        RunAsync(Table(input, repositoryRoot), ["chat", .. args]);

    /// <summary>Chat whose reader answers from what the bot has printed so far (see <see cref="ScriptedPatient"/>).</summary>
    public static async Task<CliResult> ChatAsync(Func<StringWriter, TextReader> input, string? repositoryRoot, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Table(input(output), repositoryRoot).RunAsync(["chat", .. args], output, error, CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static async Task<CliResult> RunAsync(CommandTable table, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await table.RunAsync(args, output, error, CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static CommandTable Table(TextReader input, string? repositoryRoot) => new CommandTable()
        .Add(new DeriveCommand(FixedClock.SeedDay))
        .Add(new ChatCommand(input, FixedClock.SeedDay, repositoryRoot));
}
