using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.Asks;

/// <summary>The word lists that name an ask's options (<see cref="AskOption.Words"/>), looked up in the text resources when needed.</summary>
public static class AskWords
{
    /// <summary>A word list of every locale (people answer in either language); empty when the list does not exist.</summary>
    public static IReadOnlyList<string> InEveryLocale(TextCatalog texts, string key)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. Locales.Supported.Where(l => texts.KeysOf(l).Contains(key)).SelectMany(l => texts.Words(l, key)).Distinct(StringComparer.Ordinal)];
    }

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
