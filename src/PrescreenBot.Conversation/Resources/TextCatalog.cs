using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace PrescreenBot.Conversation.Resources;

/// <summary>
/// Every sentence the bot says, per locale, from the embedded <c>Resources/Text/{locale}.json</c> files.
/// Templates use named placeholders such as <c>{trial}</c>, so translators can reorder them freely.
/// </summary>
public sealed class TextCatalog
{
    private const string ResourcePrefix = "PrescreenBot.Conversation.Text.";

    /// <summary>Word lists kept once split: every message is matched against several of them. More keys than exist is never reached.</summary>
    private const int MaxWordLists = 4_096;

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> textsByLocale;

    private readonly ConcurrentDictionary<(string Locale, string Key), IReadOnlyList<string>> wordLists = new();

    private TextCatalog(FrozenDictionary<string, FrozenDictionary<string, string>> textsByLocale)
    {
        this.textsByLocale = textsByLocale;
    }

    /// <summary>The catalog built into this assembly (en-US and zh-CN).</summary>
    public static TextCatalog Embedded { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> LocalesLoaded => textsByLocale.Keys;

    public IReadOnlyCollection<string> KeysOf(string locale) =>
        textsByLocale.TryGetValue(locale, out var texts) ? texts.Keys : [];

    /// <summary>The text for <paramref name="key"/> in <paramref name="locale"/>, falling back to English; a missing key throws (a bug, caught by the catalog tests).</summary>
    public string Get(string locale, string key, params (string Name, object? Value)[] arguments)
    {
        var template = Find(Locales.Normalize(locale), key) ?? Find(Locales.Default, key)
            ?? throw new KeyNotFoundException($"No bot text '{key}' in any locale.");
        return arguments.Length == 0 ? template : Fill(template, arguments);
    }

    /// <summary>A list of alternatives ("yes|y|yeah") for recognizing words such as "back" or "help".</summary>
    public IReadOnlyList<string> Words(string locale, string key)
    {
        // The texts never change, so a list depends only on the (normalized) locale and the key.
        var entry = (Locales.Normalize(locale), key);
        if (wordLists.TryGetValue(entry, out var known))
        {
            return known;
        }

        IReadOnlyList<string> words = [.. Get(locale, key).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return wordLists.Count < MaxWordLists ? wordLists.GetOrAdd(entry, words) : words;
    }

    /// <summary>True when <paramref name="locale"/> has its own text for <paramref name="key"/> (no English fallback).</summary>
    public bool Has(string locale, string key) => Find(locale, key) is not null;

    private string? Find(string locale, string key) =>
        textsByLocale.TryGetValue(locale, out var texts) && texts.TryGetValue(key, out var text) ? text : null;

    private static string Fill(string template, (string Name, object? Value)[] arguments)
    {
        var builder = new StringBuilder(template);
        foreach (var (name, value) in arguments)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static TextCatalog LoadEmbedded()
    {
        var assembly = typeof(TextCatalog).Assembly;
        var locales = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var locale = name[ResourcePrefix.Length..^".json".Length];
            locales[locale] = Read(assembly, name);
        }

        return new TextCatalog(locales.ToFrozenDictionary());
    }

    private static FrozenDictionary<string, string> Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded text resource '{resourceName}' is missing.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded text resource '{resourceName}' is empty.");
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
