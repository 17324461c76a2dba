namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>Button labels and list words of one language.</summary>
public sealed record ChoiceLabels
{
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string NotSure { get; init; }

    /// <summary>Between inline choices: ", ".</summary>
    public required string InlineSeparator { get; init; }

    /// <summary>Between exactly two inline choices: " or ".</summary>
    public required string InlineOr { get; init; }

    /// <summary>Before the last of three or more: ", or ".</summary>
    public required string InlineOrMore { get; init; }

    /// <summary>Yes / No, built once (read-only: prompts share it).</summary>
    internal IList<Choice> YesNoChoices => field ??= Array.AsReadOnly(new[] { new Choice(Yes), new Choice(No) });

    /// <summary>Yes / No / Not sure, built once (read-only: prompts share it).</summary>
    internal IList<Choice> YesNoUnsureChoices => field ??= Array.AsReadOnly(new[] { new Choice(Yes), new Choice(No), new Choice(NotSure) });
}
