using System.Text.Json.Serialization;

namespace PrescreenBot.Conversation.Asks;

/// <summary>
/// One question the conversation puts to the patient, fully described so it can be stored with the prompt and recognized
/// again next turn: what to say, which answers count, the suggested actions and the retry that explains what is expected.
/// </summary>
public sealed record Ask
{
    /// <summary>What the answer sets ("consent", "key:hiv", "group:infections", "handoff:email"…).</summary>
    public required string StepId { get; init; }

    public required AskKind Kind { get; init; }

    /// <summary>The canonical question keys a screening question or checklist answers; empty for other steps.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The question as sent (progress line included).</summary>
    public required string Text { get; init; }

    /// <summary>Says what is expected; sent, followed by the question again, when an answer is not understood.</summary>
    public required string Retry { get; init; }

    /// <summary>Choices (for <see cref="AskKind.Choice"/> and <see cref="AskKind.MultiChoice"/>), shown as suggested actions.</summary>
    public IReadOnlyList<AskOption> Options { get; init; } = [];

    /// <summary>Extra buttons for yes/no questions and the "not sure" / "skip" buttons, in the order shown.</summary>
    public IReadOnlyList<string> Buttons { get; init; } = [];

    /// <summary>"Not sure" is a valid answer (every screening question).</summary>
    public bool AllowNotSure { get; init; }

    /// <summary>"Skip" is a valid answer (optional details such as the city).</summary>
    public bool AllowSkip { get; init; }

    /// <summary>For <see cref="AskKind.Number"/>: the unit a bare number is taken in; null means a unit must be given.</summary>
    public string? DefaultUnit { get; init; }

    /// <summary>For <see cref="AskKind.Text"/>: how the text is checked.</summary>
    public TextCheck Check { get; init; }

    /// <summary>Gives up after this many failed answers (screening questions then count as "not sure"); 0 never gives up.</summary>
    public int MaxAttempts { get; init; }

    /// <summary>The language the answer is recognized in.</summary>
    public required string Locale { get; init; }
}

/// <summary>The kinds of answer an <see cref="Ask"/> accepts. Stored by name, so reordering never misreads a waiting question.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AskKind>))]
public enum AskKind
{
    /// <summary>Yes or no only (consent, confirmations).</summary>
    YesNo,

    /// <summary>Yes, no or not sure (screening questions and checklists).</summary>
    YesNoNotSure,

    /// <summary>A number with an optional unit ("34", "18 months", "2 years").</summary>
    Number,

    /// <summary>One of <see cref="Ask.Options"/>.</summary>
    Choice,

    /// <summary>One or more of <see cref="Ask.Options"/> ("1, 3", "lupus and RA").</summary>
    MultiChoice,

    /// <summary>A date ("March 2024", "2 weeks ago").</summary>
    Date,

    /// <summary>Free text, checked by <see cref="Ask.Check"/>.</summary>
    Text,
}

/// <summary>How free text is checked.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextCheck>))]
public enum TextCheck
{
    None,
    Name,
    Phone,
    Email,
}

/// <summary>A choice: its stored value, its button title, and other words that mean it.</summary>
public sealed record AskOption(string Value, string Title, IReadOnlyList<string>? Synonyms = null)
{
    /// <summary>
    /// A word list of the text resources (<c>words.female</c>) whose words, in every language, also name this option. Kept as
    /// the key and looked up when an answer is matched (<see cref="AskWords.WithWords"/>), so a waiting question does not
    /// carry both languages' word lists in conversation state.
    /// </summary>
    public string? Words { get; init; }
}
