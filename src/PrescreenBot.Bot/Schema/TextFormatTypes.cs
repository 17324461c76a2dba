namespace PrescreenBot.Bot.Schema;

/// <summary>Values of <see cref="Activity.TextFormat"/>.</summary>
public static class TextFormatTypes
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
    public const string Xml = "xml";
}
