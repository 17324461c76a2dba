using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Prompts;

/// <summary>What a prompt says and accepts. Stored in the prompt's dialog state, so keep it small.</summary>
public sealed class PromptOptions
{
    /// <summary>The question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Said instead of <see cref="Prompt"/> when the answer was not understood; defaults to the prompt.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    /// <summary>How choices are shown; null uses the prompt's default style.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Anything the validator needs (e.g. a range); JSON after a storage round trip.</summary>
    public object? Validations { get; set; }

    /// <summary>Locale for recognition, overriding the activity's.</summary>
    public string? RecognizeLanguage { get; set; }

    /// <summary>
    /// How many answers to try before giving up with <see cref="PromptNotRecognized"/>; null uses the prompt's
    /// <c>MaxAttempts</c>, 0 or less never gives up.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
