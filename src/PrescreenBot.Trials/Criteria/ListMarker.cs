using System.Globalization;
using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>How a list item is marked.</summary>
internal enum MarkerStyle
{
    None,
    Bullet,
    Number,
    Dotted,
    Paren,
    Letter,
}

/// <summary>A list marker found at the start of a line (or inside it, for items run together on one line).</summary>
internal readonly record struct ListMarker(MarkerStyle Style, string Written, int Number, int Major)
{
    public static ListMarker None { get; } = new(MarkerStyle.None, string.Empty, 0, 0);
}

/// <summary>Recognises list markers: "*", "•", "1.", "1)", "1、", "(2)", "1.5.", "a)".</summary>
internal static partial class ListMarkers
{
    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.\s*")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^(\d{1,3})\s*[.)、．]\s*(?!\d)")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[(（](\d{1,3})[)）]\s*")]
    private static partial Regex Paren();

    [GeneratedRegex(@"^([a-h])[.)]\s+")]
    private static partial Regex Letter();

    [GeneratedRegex(@"^([*•·▪◦●\-–—])(\s+|$)")]
    private static partial Regex Bullet();

    /// <summary>The marker at the start of <paramref name="text"/> (already left-trimmed) and where the item text starts.</summary>
    public static (ListMarker Marker, int TextStart) Read(string text)
    {
        Match m;
        if ((m = Dotted().Match(text)).Success)
        {
            return (new(MarkerStyle.Dotted, m.Value.Trim(), Int(m.Groups[2]), Int(m.Groups[1])), m.Length);
        }

        if ((m = Number().Match(text)).Success)
        {
            return (new(MarkerStyle.Number, m.Value.Trim(), Int(m.Groups[1]), 0), m.Length);
        }

        if ((m = Paren().Match(text)).Success)
        {
            return (new(MarkerStyle.Paren, m.Value.Trim(), Int(m.Groups[1]), 0), m.Length);
        }

        if ((m = Letter().Match(text)).Success)
        {
            return (new(MarkerStyle.Letter, m.Value.Trim(), m.Groups[1].Value[0] - 'a' + 1, 0), m.Length);
        }

        if ((m = Bullet().Match(text)).Success)
        {
            return (new(MarkerStyle.Bullet, m.Groups[1].Value, 0, 0), m.Length);
        }

        return (ListMarker.None, 0);
    }

    /// <summary>
    /// Where the next item run into the same line starts: " 2.2." after a "2.1." item (or after the "2." heading
    /// of the group), " (3)" after "(2)". Only the expected next number counts, so "(1)renal … (2)liver" inside
    /// a bulleted item is left alone. Returns -1 when there is none.
    /// </summary>
    public static int FindInlineNext(string text, ListMarker current, out ListMarker next)
    {
        next = ListMarker.None;
        var n = current.Number + 1;
        string[] tokens = current.Style switch
        {
            MarkerStyle.Dotted => [$"{current.Major}.{n}."],
            MarkerStyle.Number => [$"{current.Number}.1."],
            MarkerStyle.Paren => [$"({n})", $"（{n}）"],
            _ => [],
        };

        foreach (var token in tokens)
        {
            for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || !IsSplitPoint(text[at - 1], current.Style) || !HasTextAfter(text, at + token.Length))
                {
                    continue;
                }

                next = current.Style switch
                {
                    MarkerStyle.Dotted => new(MarkerStyle.Dotted, token, n, current.Major),
                    MarkerStyle.Number => new(MarkerStyle.Dotted, token, 1, current.Number),
                    _ => new(MarkerStyle.Paren, token, n, 0),
                };
                return at;
            }
        }

        return -1;
    }

    // "(3)" may follow a sentence end directly ("lactating women.(3) History"); numbered items need a space before.
    private static bool IsSplitPoint(char before, MarkerStyle style) =>
        char.IsWhiteSpace(before) || (style == MarkerStyle.Paren && before is '.' or ';' or '。' or '；');

    private static bool HasTextAfter(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);
}
