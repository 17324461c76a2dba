namespace PrescreenBot.Bot.Dialogs.Interruptions;

/// <summary>What <see cref="InterruptibleDialog"/> says for each command. English by default; the conversation supplies localized ones.</summary>
public sealed record InterruptionTexts
{
    public const string DefaultHelp =
        "Answer with one of the buttons or in your own words. \"Not sure\" is always a fine answer. " +
        "You can also say \"back\" to change your previous answer, \"start over\", or \"stop\".";

    public const string DefaultStartOver = "OK, let's start over.";
    public const string DefaultNothingToGoBackTo = "This is the first question, so there is no earlier answer to change.";
    public const string DefaultStop = "OK, I've stopped. You can come back any time.";

    public static InterruptionTexts English { get; } = new();

    public string Help { get; init; } = DefaultHelp;
    public string StartOver { get; init; } = DefaultStartOver;
    public string NothingToGoBackTo { get; init; } = DefaultNothingToGoBackTo;
    public string Stop { get; init; } = DefaultStop;

    /// <summary>Said before re-asking the previous question; null says nothing (the question itself is enough).</summary>
    public string? Back { get; init; }
}
