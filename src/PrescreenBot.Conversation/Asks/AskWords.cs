using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.Asks;

/// <summary>The word lists that name an ask's options (<see cref="AskOption.Words"/>), looked up in the text resources when needed.</summary>
public static class AskWords
{
    /// <summary>A word list of every locale (people answer in either language); empty when the list does not exist.</summary>
    public static IReadOnlyList<string> InEveryLocale(TextCatalog texts, string key)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(key);

        // Every typed answer to an ask with word lists needs them: made once per (catalog, key), the texts never change.
        var lists = WordsInEveryLocale.GetValue(texts, static _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        if (lists.TryGetValue(key, out var known))
        {
            return known;
        }

        IReadOnlyList<string> words = [.. Locales.Supported.Where(l => texts.Has(l, key)).SelectMany(l => texts.Words(l, key)).Distinct(StringComparer.Ordinal)];
        return lists.Count < MaxCachedKeys ? lists.GetOrAdd(key, words) : words;
    }

    /// <summary>More word-list keys than the texts hold is never reached; beyond it lists are made on each call.</summary>
    private const int MaxCachedKeys = 4_096;

    private static readonly ConditionalWeakTable<TextCatalog, ConcurrentDictionary<string, IReadOnlyList<string>>> WordsInEveryLocale = [];

    /// <summary>
    /// The ask with each option's <see cref="AskOption.Words"/> added to its synonyms, for matching an answer. A new ask: the
    /// stored one keeps only the keys.
    /// </summary>
    public static Ask WithWords(this Ask ask, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (!ask.Options.Any(o => o.Words is not null))
        {
            return ask;
        }

        return ask with
        {
            Options = [.. ask.Options.Select(o => o.Words is not { } key ? o : o with
            {
                Synonyms = [.. o.Synonyms ?? [], .. InEveryLocale(texts, key)],
                Words = null,
            })],
        };
    }
}
