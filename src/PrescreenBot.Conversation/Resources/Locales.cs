namespace PrescreenBot.Conversation.Resources;

/// <summary>The languages the conversation speaks, and how a channel's locale string maps onto them.</summary>
public static class Locales
{
    public const string English = "en-US";
    public const string SimplifiedChinese = "zh-CN";

    /// <summary>English is complete for every text and question, so it is the fallback for anything else.</summary>
    public const string Default = English;

    public static IReadOnlyList<string> Supported { get; } = [English, SimplifiedChinese];

    /// <summary>Maps "zh", "zh-cn", "zh-Hans", "zh-Hans-CN", "en", "en-GB"… onto a supported locale; null when unknown.</summary>
    public static string? TryNormalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var value = locale.Trim().Replace('_', '-');
        if (value.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            // Traditional-script locales still read Simplified better than English for our seed sites in China.
            return SimplifiedChinese;
        }

        return value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : null;
    }

    public static string Normalize(string? locale) => TryNormalize(locale) ?? Default;

    public static bool IsChinese(string locale) => locale == SimplifiedChinese;
}
