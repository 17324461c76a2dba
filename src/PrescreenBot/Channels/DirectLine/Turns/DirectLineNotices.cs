namespace PrescreenBot.Channels.DirectLine.Turns;

/// <summary>What the channel itself says to a patient when something outside the conversation goes wrong.</summary>
public static class DirectLineNotices
{
    public static string TurnFailed(string? locale) => IsChinese(locale)
        ? "抱歉，我们这边出了点问题。请稍后再发送一次您的回答。"
        : "Sorry, something went wrong on our side. Please send your answer again in a moment.";

    public static string BotUnavailable(string? locale) => IsChinese(locale)
        ? "抱歉，助手暂时无法使用。请稍后再试。"
        : "Sorry, the assistant is not available right now. Please try again in a moment.";

    public static string UploadRefused(string? locale) => IsChinese(locale)
        ? "抱歉，这里无法接收文件或图片。请用文字回答问题，不要发送文件。"
        : "Sorry, I can't receive files or pictures in this chat. Please answer the questions in text and don't send documents.";

    private static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
