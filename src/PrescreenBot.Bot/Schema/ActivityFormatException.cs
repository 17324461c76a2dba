namespace PrescreenBot.Bot.Schema;

/// <summary>An incoming activity could not be read: not JSON, not an object, or without a <c>type</c>.</summary>
public sealed class ActivityFormatException : Exception
{
    public ActivityFormatException(string message)
        : base(message)
    {
    }

    public ActivityFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
