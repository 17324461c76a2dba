namespace PrescreenBot.Cli;

/// <summary>One command of the command-line tool.</summary>
public interface ICommand
{
    /// <summary>The word that selects the command ("derive", "chat").</summary>
    string Name { get; }

    /// <summary>One line of usage for the help text.</summary>
    string Usage { get; }

    /// <summary>Runs the command with the arguments after its name; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
