namespace PrescreenBot.Trials;

/// <summary>
/// Text in the two languages every question set carries: en-US (complete) and zh-CN (the seed trials' sites are in China).
/// </summary>
/// <param name="EnUs">American English text.</param>
/// <param name="ZhCn">Simplified Chinese text.</param>
public sealed record LocalizedText(string EnUs, string ZhCn)
{
    /// <summary>Locale tag of the English text.</summary>
    public const string English = "en-US";

    /// <summary>Locale tag of the Chinese text.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>The text for <paramref name="locale"/>: any "zh…" locale gets Chinese, everything else English.</summary>
    public string For(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && ZhCn.Length > 0 ? ZhCn : EnUs;

    public override string ToString() => EnUs;
}
