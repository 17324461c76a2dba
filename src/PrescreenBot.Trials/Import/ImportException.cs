namespace PrescreenBot.Trials.Import;

/// <summary>A source that cannot be imported, naming the source and what is missing or wrong.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string sourceName, string problem, Exception? inner = null)
        : base($"{sourceName}: {problem}", inner)
    {
        SourceName = sourceName;
        Problem = problem;
    }

    public ImportException()
    {
        SourceName = string.Empty;
        Problem = string.Empty;
    }

    public ImportException(string message)
        : base(message)
    {
        SourceName = string.Empty;
        Problem = message;
    }

    public ImportException(string message, Exception inner)
        : base(message, inner)
    {
        SourceName = string.Empty;
        Problem = message;
    }

    public string SourceName { get; }

    public string Problem { get; }
}
