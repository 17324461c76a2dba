namespace PrescreenBot.Bot.Prompts;

/// <summary>What a prompt understood from the user's message.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }
    public T? Value { get; set; }
    public bool AllowInterruption { get; set; }

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    public static PromptRecognizerResult<T> Failure() => new();
}
