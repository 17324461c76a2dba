namespace PrescreenBot.Trials.DialogFiles;

/// <summary>A dialog file that cannot be read, with the file's name and what is wrong.</summary>
public sealed class DialogFileException : Exception
{
    public DialogFileException(string fileName, string problem, Exception? inner = null)
        : base($"{fileName}: {problem}", inner)
    {
        FileName = fileName;
        Problem = problem;
    }

    public DialogFileException()
    {
        FileName = string.Empty;
        Problem = string.Empty;
    }

    public DialogFileException(string message)
        : base(message)
    {
        FileName = string.Empty;
        Problem = message;
    }

    public DialogFileException(string message, Exception inner)
        : base(message, inner)
    {
        FileName = string.Empty;
        Problem = message;
    }

    public string FileName { get; }

    public string Problem { get; }
}
