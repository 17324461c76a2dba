namespace PrescreenBot.Cli.UnitTests.Support;

/// <summary>Fixed lines of standard input that counts how many the command read (to show where it stopped reading).</summary>
internal sealed class CountingReader(params string[] lines) : TextReader
{
    public int LinesRead { get; private set; }

    public override string? ReadLine() => LinesRead < lines.Length ? lines[LinesRead++] : null;

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());
}
