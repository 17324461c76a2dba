using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.Flow;

/// <summary>What a whole message can mean instead of an answer, at any question.</summary>
public enum ConversationCommand
{
    Help,
    Back,
    StartOver,
    Stop,
    DeleteData,
    Start,
    SwitchToEnglish,
    SwitchToChinese,
}

/// <summary>Recognizes <see cref="ConversationCommand"/>s: the core's help / back / start over / stop plus our own words, in both languages.</summary>
public static class ConversationCommands
{
    /// <summary>
    /// Each catalog's command words, normalized once per (catalog, word key) rather than on every message; tied to the
    /// catalog's lifetime so a discarded catalog takes its cache with it.
    /// </summary>
    private static readonly ConditionalWeakTable<TextCatalog, ConcurrentDictionary<string, FrozenSet<string>>> NormalizedWords = [];

    public static ConversationCommand? Recognize(string? text, string locale, TextCatalog texts)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(text);
        if (Matches(normalized, texts, "words.deleteData"))
        {
            return ConversationCommand.DeleteData;
        }

        if (Matches(normalized, texts, "words.chinese") && text.Trim().Length <= 12)
        {
            return ConversationCommand.SwitchToChinese;
        }

        if (Matches(normalized, texts, "words.english") && text.Trim().Length <= 12)
        {
            return ConversationCommand.SwitchToEnglish;
        }

        foreach (var recognizer in Locales.Supported.Prepend(locale).Select(LanguageRecognizers.ForLocale).Distinct())
        {
            switch (recognizer.RecognizeCommand(text))
            {
                case DialogCommand.Help:
                    return ConversationCommand.Help;
                case DialogCommand.Back:
                    return ConversationCommand.Back;
                case DialogCommand.StartOver:
                    return ConversationCommand.StartOver;
                case DialogCommand.Stop:
                    return ConversationCommand.Stop;
            }
        }

        if (Matches(normalized, texts, "words.help"))
        {
            return ConversationCommand.Help;
        }

        if (Matches(normalized, texts, "words.back"))
        {
            return ConversationCommand.Back;
        }

        if (Matches(normalized, texts, "words.startOver"))
        {
            return ConversationCommand.StartOver;
        }

        if (Matches(normalized, texts, "words.stop"))
        {
            return ConversationCommand.Stop;
        }

        return Matches(normalized, texts, "words.start") ? ConversationCommand.Start : null;
    }

    private static bool Matches(string normalized, TextCatalog texts, string key) =>
        NormalizedWords.GetValue(texts, static _ => new ConcurrentDictionary<string, FrozenSet<string>>(StringComparer.Ordinal))
            .GetOrAdd(key, static (wordKey, catalog) => Locales.Supported
                .SelectMany(locale => catalog.Words(locale, wordKey))
                .Select(TextNormalizer.Normalize)
                .ToFrozenSet(StringComparer.Ordinal), texts)
            .Contains(normalized);
}
