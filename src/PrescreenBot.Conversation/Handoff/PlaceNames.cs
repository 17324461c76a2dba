using System.Collections.Frozen;
using System.Globalization;

namespace PrescreenBot.Conversation.Handoff;

/// <summary>
/// Matches place names as patients type them against the site directory's English names
/// ("武汉" is Wuhan, "USA" is the United States). Data, not wording: these are the names of places, not bot text.
/// </summary>
public static class PlaceNames
{
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["中国"] = "china", ["prc"] = "china", ["people's republic of china"] = "china", ["mainland china"] = "china",
        ["usa"] = "united states", ["us"] = "united states", ["u.s."] = "united states", ["u.s.a."] = "united states",
        ["america"] = "united states", ["美国"] = "united states", ["uk"] = "united kingdom", ["英国"] = "united kingdom",
        ["武汉"] = "wuhan", ["杭州"] = "hangzhou", ["洛阳"] = "luoyang", ["郑州"] = "zhengzhou", ["重庆"] = "chongqing",
        ["北京"] = "beijing", ["上海"] = "shanghai", ["广州"] = "guangzhou", ["深圳"] = "shenzhen", ["成都"] = "chengdu",
        ["南京"] = "nanjing", ["西安"] = "xi'an", ["xian"] = "xi'an", ["天津"] = "tianjin", ["长沙"] = "changsha",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A comparable key: lower case, trimmed, without "市"/"city" suffixes, aliases resolved.</summary>
    public static string Key(string? place)
    {
        if (string.IsNullOrWhiteSpace(place))
        {
            return string.Empty;
        }

        var key = place.Trim().ToLower(CultureInfo.InvariantCulture);
        foreach (var suffix in new[] { " city", "市", "省" })
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length].Trim();
            }
        }

        return Aliases.TryGetValue(key, out var canonical) ? canonical : key;
    }

    public static bool Same(string? a, string? b)
    {
        var keyA = Key(a);
        return keyA.Length > 0 && keyA == Key(b);
    }
}
