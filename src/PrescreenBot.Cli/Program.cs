using PrescreenBot.Cli;
using PrescreenBot.Cli.Commands.Derive;

// The command table: one line per command, each command in its own folder under Commands/.
var commands = new CommandTable()
    // derive <path> [--json] [--out dialogs/] [--merge]: trial documents → dialogs/<trial-id>.yaml
    .Add(new DeriveCommand(TimeProvider.System))
    // Hook for the conversation: add `.Add(new ChatCommand(...))` here (Commands/Chat/ChatCommand.cs).
    ;

return await commands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
