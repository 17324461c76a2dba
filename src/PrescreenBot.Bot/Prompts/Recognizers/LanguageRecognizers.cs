using System.Collections.Concurrent;
using PrescreenBot.Bot.Prompts.Recognizers.Chinese;
using PrescreenBot.Bot.Prompts.Recognizers.English;

namespace PrescreenBot.Bot.Prompts.Recognizers;

/// <summary>Finds the recognizer for a locale by its language part ("zh-CN" → "zh"); unknown languages fall back to English.</summary>
public static class LanguageRecognizers
{
    /// <summary>The locale assumed when an activity names none.</summary>
    public const string DefaultLocale = "en-US";

    private static readonly ConcurrentDictionary<string, ILanguageRecognizer> Registered = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = EnglishRecognizer.Instance,
        ["zh"] = ChineseRecognizer.Instance,
    };

    public static ILanguageRecognizer English => EnglishRecognizer.Instance;

    public static ILanguageRecognizer ForLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return EnglishRecognizer.Instance;
        }

        var dash = locale.AsSpan().IndexOfAny('-', '_');
        var language = (dash > 0 ? locale.AsSpan(0, dash) : locale.AsSpan()).Trim();
        return Registered.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(language, out var recognizer) ? recognizer : EnglishRecognizer.Instance;
    }

    /// <summary>Adds or replaces the recognizer for its language.</summary>
    public static void Register(ILanguageRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        Registered[recognizer.Language] = recognizer;
    }
}
