using PrescreenBot.Cli;
using PrescreenBot.Cli.Commands.Derive;

// The command table: one line per command, each command in its own folder under Commands/.
var commands = new CommandTable()
    // derive <path> [--json] [--out dialogs/] [--merge]: trial documents → dialogs/<trial-id>.yaml
    .Add(new DeriveCommand(TimeProvider.System))
    // chat [--trial ID] [--locale zh-CN] [--dialogs dir]: the pre-screen conversation in this terminal
    .Add(new PrescreenBot.Cli.Commands.ChatCommand(Console.In, TimeProvider.System))
    ;

return await commands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
