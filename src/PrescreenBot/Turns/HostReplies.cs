using System.Globalization;

namespace PrescreenBot.Turns;

/// <summary>
/// The few things the host itself says (not the conversation): when storage is unreachable, when a message is too
/// long, and the apology after an unexpected error. English and Simplified Chinese, like the conversation.
/// </summary>
public static class HostReplies
{
    public static string StorageUnavailable(string? locale) => IsChinese(locale)
        ? "抱歉，我暂时无法保存您的回答。请稍后再发送一次您的消息，您之前的回答不会丢失。"
        : "Sorry, I can't save your answers right now. Please try again in a moment — nothing you've told me so far is lost.";

    public static string MessageTooLong(string? locale, int maxLength) => IsChinese(locale)
        ? string.Format(CultureInfo.InvariantCulture, "这条消息太长了（最多 {0} 个字符）。请简短回答，我一次只需要一个答案。", maxLength)
        : string.Format(CultureInfo.InvariantCulture, "That message is too long for me (at most {0} characters). A short answer is all I need.", maxLength);

    public static string Apology(string? locale, string errorId) => IsChinese(locale)
        ? $"抱歉，我们这边出了点问题。让我们重新开始。（参考编号：{errorId}）"
        : $"Sorry, something went wrong on our side. Let's start again. (Reference: {errorId})";

    private static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
