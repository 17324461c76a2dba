using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PrescreenBot.Portal.Markup;

/// <summary>
/// Pages are written as interpolated strings: the literal parts are markup, every hole is HTML-encoded (attribute-safe)
/// unless it is an <see cref="HtmlContent"/>. Forgetting to encode a patient's message is thus impossible by construction.
/// </summary>
public static class HtmlTemplate
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    /// <summary>
    /// Escapes the five characters that can end text or a quoted attribute value (<c>&amp; &lt; &gt; " '</c>) and
    /// nothing else, so every script stays readable in the page source (patients write Chinese, Spanish, …).
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    public static HtmlContent Html(ref HtmlTemplateHandler template) => new(template.ToStringAndClear());

    /// <summary>Encodes one value (line breaks kept as <c>&lt;br&gt;</c>), for free text such as chat messages.</summary>
    public static HtmlContent MultilineText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlContent.Empty;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return new HtmlContent(string.Join("<br>", lines.Select(Encode)));
    }
}

/// <summary>The compiler's builder for <see cref="HtmlTemplate.Html"/>: literals raw, holes encoded.</summary>
[InterpolatedStringHandler]
public ref struct HtmlTemplateHandler
{
    private readonly StringBuilder _builder;

    public HtmlTemplateHandler(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + (formattedCount * 16));
    }

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(HtmlContent? content) => _builder.Append(content?.Value);

    public readonly void AppendFormatted(string? value) => _builder.Append(HtmlTemplate.Encode(value ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, format: null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        var text = value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        _builder.Append(HtmlTemplate.Encode(text));
    }

    internal readonly string ToStringAndClear()
    {
        var text = _builder.ToString();
        _builder.Clear();
        return text;
    }
}
