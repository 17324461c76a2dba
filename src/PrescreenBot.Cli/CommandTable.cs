namespace PrescreenBot.Cli;

/// <summary>Dispatches the first argument to the command of that name and prints usage otherwise.</summary>
public sealed class CommandTable
{
    /// <summary>Exit code for a wrong command line.</summary>
    public const int UsageError = 2;

    private readonly Dictionary<string, ICommand> _commands = new(StringComparer.OrdinalIgnoreCase);

    public CommandTable Add(ICommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _commands.Add(command.Name, command);
        return this;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await WriteUsage(args.Count == 0 ? error : output);
            return args.Count == 0 ? UsageError : 0;
        }

        if (!_commands.TryGetValue(args[0], out var command))
        {
            await error.WriteLineAsync($"error: unknown command '{args[0]}'.");
            await WriteUsage(error);
            return UsageError;
        }

        return await command.RunAsync([.. args.Skip(1)], output, error, cancellationToken);
    }

    private async Task WriteUsage(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: prescreen <command> [options]");
        foreach (var command in _commands.Values)
        {
            await writer.WriteLineAsync("  " + command.Usage);
        }
    }
}
