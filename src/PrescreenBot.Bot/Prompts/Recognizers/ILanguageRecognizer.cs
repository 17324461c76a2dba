namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>
/// What prompts need to understand one language. Implementations never throw on any text: "not understood" is null.
/// Register more languages with <see cref="LanguageRecognizers.Register"/>.
/// </summary>
public interface ILanguageRecognizer
{
    /// <summary>The two-letter language this recognizer understands ("en", "zh").</summary>
    string Language { get; }

    ChoiceLabels Labels { get; }

    YesNoUnsure? RecognizeYesNoUnsure(string text);

    /// <summary>The first number in the text, in digits or words.</summary>
    decimal? RecognizeNumber(string text);

    /// <summary>A position such as "the first one": 1-based, or -1 for "the last".</summary>
    int? RecognizeOrdinal(string text);

    /// <summary>A date, relative expressions resolved against <paramref name="today"/>; bare months/days are taken to be in the past.</summary>
    DateTimeResolution? RecognizeDate(string text, DateOnly today);

    /// <summary>A command the whole message amounts to ("help", "go back"), or null for anything else.</summary>
    DialogCommand? RecognizeCommand(string text);
}
