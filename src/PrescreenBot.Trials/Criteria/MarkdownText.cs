using System.Text.RegularExpressions;

namespace PrescreenBot.Trials.Criteria;

/// <summary>Undoes the Markdown escaping of registry text ("\&gt;", "\*", "\^").</summary>
internal static partial class MarkdownText
{
    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>^~|=])")]
    private static partial Regex Escaped();

    public static string Unescape(string text) => text.Contains('\\', StringComparison.Ordinal) ? Escaped().Replace(text, "$1") : text;
}
