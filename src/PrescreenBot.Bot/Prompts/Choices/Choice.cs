using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.Prompts;

/// <summary>One option of a choice prompt: the value returned, words that also mean it, and an optional custom button.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length > 0 ? synonyms : null;
    }

    public string Value { get; set; } = string.Empty;

    /// <summary>A custom button; by default <c>imBack</c> with title = value = <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }

    public IList<string>? Synonyms { get; set; }
}
