namespace PrescreenBot.Trials.Import;

/// <summary>One line of a source document, numbered from 1.</summary>
public sealed record SourceLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>Splits text into numbered lines (CRLF, CR and LF all end a line).</summary>
    public static IReadOnlyList<SourceLine> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<SourceLine>();
        var number = 1;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                lines.Add(new SourceLine(number++, text[start..i]));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new SourceLine(number, text[start..]));
        }

        return lines;
    }
}
