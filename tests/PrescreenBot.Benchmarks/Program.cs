using BenchmarkDotNet.Running;
using PrescreenBot.Benchmarks.Load;
using PrescreenBot.Benchmarks.Turns;

// `load …` drives a running bot (see Load/LoadCommand.cs); anything else is BenchmarkDotNet.
if (args is [LoadCommand.Verb, ..])
{
    return await LoadCommand.RunAsync(args[1..]);
}

// `turns …` profiles whole turns through the host in this process (see Turns/TurnProfileCommand.cs).
if (args is [TurnProfileCommand.Verb, ..])
{
    return await TurnProfileCommand.RunAsync(args[1..]);
}

// Every benchmark class in this assembly; pick with --filter, e.g. --filter '*Waterfall*' --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
