using System.Diagnostics;
using PrescreenBot.Referrals.Storage;

namespace PrescreenBot.Referrals.IntegrationTests.Infrastructure;

/// <summary>
/// A second OS process on the same database, for crash tests: it commits a referral (and optionally starts
/// delivering it), reports the referral id on stdout, and then waits to be killed with SIGKILL.
/// </summary>
internal static class ChildProcess
{
    public const string CommitOnly = "commit";
    public const string CommitAndDeliver = "deliver";

    private const string Command = "referrals-child";
    private const string ReadyPrefix = "REFERRAL ";

    /// <summary>A fresh .NET process that migrates and commits: a safety net for a loaded machine, not a speed check.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);

    /// <summary>This assembly's entry point: the child's work when started with <see cref="Command"/>; nothing otherwise.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 5 || args[0] != Command)
        {
            return 0;
        }

        var database = new TestDatabase(Enum.Parse<DatabaseProvider>(args[2]), args[3]);
        var app = await ReferralsApp.StartAsync(database, [new TestSite { WebhookUrl = args[4] }], TimeProvider.System);
        var receipt = await app.Referrals.CreateAsync(TestReferrals.Request());
        await Console.Out.WriteLineAsync(ReadyPrefix + receipt.ReferralId);
        await Console.Out.FlushAsync();
        if (args[1] == CommitAndDeliver)
        {
            await app.Dispatcher.DispatchDueAsync();
        }

        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>Starts the child and returns it with the id of the referral it committed.</summary>
    public static async Task<(Process Process, string ReferralId)> StartAsync(string mode, TestDatabase database, string webhookUrl)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(ChildProcess).Assembly.Location, Command, mode, database.Provider.ToString(), database.ConnectionString, webhookUrl })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(StartPatience);
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                return (process, line[ReadyPrefix.Length..]);
            }
        }

        await process.WaitForExitAsync(deadline.Token);
        throw new InvalidOperationException($"The child exited ({process.ExitCode}) without committing a referral: {await stderr}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public static async Task KillAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
