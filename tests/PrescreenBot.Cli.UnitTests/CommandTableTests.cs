using PrescreenBot.Cli.UnitTests.Support;

namespace PrescreenBot.Cli.UnitTests;

public sealed class CommandTableTests
{
    [Fact]
    public async Task RunAsync_NoArguments_PrintsUsageOnErrorWithExitCode2()
    {
        var result = await CliRun.RunAsync(CliRun.Table(TextReader.Null, null), []);

        result.ExitCode.Should().Be(CommandTable.UsageError);
        result.Error.Should().Contain("usage: prescreen").And.Contain("derive <file-or-folder>").And.Contain("chat [--trial ID]");
        result.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_PrintsUsageOnOutputWithExitCode0(string word)
    {
        var result = await CliRun.RunAsync(CliRun.Table(TextReader.Null, null), [word]);

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("derive").And.Contain("chat");
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_NamesItWithExitCode2()
    {
        var result = await CliRun.RunAsync(CliRun.Table(TextReader.Null, null), ["screen"]);

        result.ExitCode.Should().Be(CommandTable.UsageError);
        result.Error.Should().Contain("unknown command 'screen'");
    }

    [Fact]
    public async Task RunAsync_CommandNameInCapitals_StillFindsIt()
    {
        var result = await CliRun.RunAsync(CliRun.Table(TextReader.Null, null), ["DERIVE"]);

        result.ExitCode.Should().Be(CommandTable.UsageError);
        result.Error.Should().Contain("a file or folder to derive from is required");
    }
}
