namespace PrescreenBot.Bot.Prompts.Recognizers.English;

/// <summary>English: yes/no/not sure with synonyms and common typos, numbers, ordinals, dates and commands.</summary>
public sealed class EnglishRecognizer : ILanguageRecognizer
{
    public static readonly EnglishRecognizer Instance = new();

    /// <summary>A one-word answer within this many edits of a known word still counts ("yse", "yess", "nope" → "noep").</summary>
    private const int TypoTolerance = 1;

    // Checked first: "not sure" and "I don't know" contain the words of a no.
    private static readonly string[] UnsurePhrases =
    [
        "not sure", "unsure", "dunno", "dont know", "do not know", "didnt know", "idk", "no idea", "not certain", "uncertain",
        "maybe", "perhaps", "possibly", "probably", "might", "could be", "cant remember", "cannot remember", "dont remember",
        "do not remember", "cant recall", "dont recall", "cant say", "hard to say", "no clue", "not known", "unknown",
        "not really sure", "no sure", "not shure", "nt sure", "im not sure", "dont no", "not sur", "i guess", "kind of", "sort of",
    ];

    private static readonly string[] NoWords =
    [
        "no", "n", "nope", "nah", "nay", "na", "noo", "nooo", "nop", "never", "negative", "false", "none", "dont", "doesnt",
        "didnt", "havent", "hasnt", "hadnt", "wasnt", "isnt", "arent", "werent", "wont", "not", "nothing", "nein", "incorrect", "wrong",
    ];

    private static readonly string[] YesWords =
    [
        "yes", "y", "yeah", "yep", "yup", "ya", "yah", "yea", "yeh", "ye", "yess", "yesss", "yse", "yas", "yees", "sure", "ok", "okay",
        "k", "correct", "right", "true", "affirmative", "absolutely", "definitely", "certainly", "indeed", "aye", "yessir", "yez", "ys",
    ];

    // Whole-message only: inside a longer sentence these words also appear in a no ("no I have not").
    private static readonly string[] YesSentences =
    [
        "i do", "i have", "i am", "i did", "i was", "i can", "of course", "thats right", "that is right", "thats correct", "it is", "i had",
    ];

    private static readonly string[] FuzzyYes = ["yes", "yeah", "yep", "sure", "okay"];
    private static readonly string[] FuzzyNo = ["nope", "never"];
    private static readonly string[] FuzzyUnsure = ["unsure", "dunno", "maybe"];

    private static readonly (string Phrase, DialogCommand Command)[] Commands =
    [
        ("?", DialogCommand.Help), ("help", DialogCommand.Help), ("help me", DialogCommand.Help), ("i need help", DialogCommand.Help),
        ("what does that mean", DialogCommand.Help), ("what does this mean", DialogCommand.Help), ("what do you mean", DialogCommand.Help),
        ("i dont understand", DialogCommand.Help), ("explain", DialogCommand.Help), ("info", DialogCommand.Help),
        ("start over", DialogCommand.StartOver), ("restart", DialogCommand.StartOver), ("start again", DialogCommand.StartOver),
        ("begin again", DialogCommand.StartOver), ("reset", DialogCommand.StartOver), ("start from the beginning", DialogCommand.StartOver),
        ("from the beginning", DialogCommand.StartOver), ("start from scratch", DialogCommand.StartOver), ("startover", DialogCommand.StartOver),
        ("back", DialogCommand.Back), ("go back", DialogCommand.Back), ("previous", DialogCommand.Back), ("previous question", DialogCommand.Back),
        ("undo", DialogCommand.Back), ("change my answer", DialogCommand.Back), ("change answer", DialogCommand.Back),
        ("change my last answer", DialogCommand.Back), ("change the last answer", DialogCommand.Back), ("wait go back", DialogCommand.Back),
        ("stop", DialogCommand.Stop), ("quit", DialogCommand.Stop), ("cancel", DialogCommand.Stop), ("exit", DialogCommand.Stop),
        ("end", DialogCommand.Stop), ("i want to stop", DialogCommand.Stop), ("stop this", DialogCommand.Stop), ("goodbye", DialogCommand.Stop),
        ("bye", DialogCommand.Stop),
    ];

    private EnglishRecognizer()
    {
    }

    public string Language => "en";

    public ChoiceLabels Labels { get; } = new()
    {
        Yes = "Yes",
        No = "No",
        NotSure = "Not sure",
        InlineSeparator = ", ",
        InlineOr = " or ",
        InlineOrMore = ", or ",
    };

    public YesNoUnsure? RecognizeYesNoUnsure(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (UnsurePhrases.Any(p => TextNormalizer.ContainsWords(normalized, p)))
        {
            return YesNoUnsure.NotSure;
        }

        if (YesSentences.Contains(normalized, StringComparer.Ordinal))
        {
            return YesNoUnsure.Yes;
        }

        // The first yes- or no-word decides: "no, I never had it" and "yes, never any problem".
        var firstYes = FirstIndex(normalized, YesWords);
        var firstNo = FirstIndex(normalized, NoWords);
        if (firstYes >= 0 || firstNo >= 0)
        {
            return firstNo < 0 || (firstYes >= 0 && firstYes < firstNo) ? YesNoUnsure.Yes : YesNoUnsure.No;
        }

        return RecognizeTypo(normalized);
    }

    public decimal? RecognizeNumber(string text) => EnglishNumbers.Recognize(TextNormalizer.Normalize(text));

    public int? RecognizeOrdinal(string text) => EnglishNumbers.RecognizeOrdinal(TextNormalizer.Normalize(text));

    public DateTimeResolution? RecognizeDate(string text, DateOnly today) => EnglishDates.Recognize(TextNormalizer.Normalize(text), today);

    public DialogCommand? RecognizeCommand(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.EndsWith(" please", StringComparison.Ordinal))
        {
            normalized = normalized[..^" please".Length];
        }

        if (normalized.StartsWith("please ", StringComparison.Ordinal))
        {
            normalized = normalized["please ".Length..];
        }

        foreach (var (phrase, command) in Commands)
        {
            if (string.Equals(normalized, phrase, StringComparison.Ordinal))
            {
                return command;
            }
        }

        return null;
    }

    private static int FirstIndex(string normalized, string[] words)
    {
        var first = -1;
        foreach (var word in words)
        {
            var index = TextNormalizer.IndexOfWords(normalized, word);
            if (index >= 0 && (first < 0 || index < first))
            {
                first = index;
            }
        }

        return first;
    }

    private static YesNoUnsure? RecognizeTypo(string normalized)
    {
        if (normalized.Contains(' ', StringComparison.Ordinal) || normalized.Length < 3)
        {
            return null;
        }

        if (FuzzyUnsure.Any(w => EditDistance.Compute(normalized, w) <= TypoTolerance))
        {
            return YesNoUnsure.NotSure;
        }

        if (FuzzyYes.Any(w => EditDistance.Compute(normalized, w) <= TypoTolerance))
        {
            return YesNoUnsure.Yes;
        }

        return FuzzyNo.Any(w => EditDistance.Compute(normalized, w) <= TypoTolerance) ? YesNoUnsure.No : null;
    }
}
