namespace PrescreenBot.Channels.Teams;

/// <summary>What the bot says in Teams team channels and group chats (English and Simplified Chinese).</summary>
public static class TeamsReplies
{
    public static string PrivateChatOnly(string? locale) => IsChinese(locale)
        ? "为保护您的健康信息，预筛查只在与我的一对一聊天中进行。请在 Teams 中打开与 PrescreenBot 的私人聊天。"
        : "To keep your health information private, I only run the pre-screen in a one-to-one chat. Please open a private chat with PrescreenBot.";

    public static string AddedToTeam(string? locale) => IsChinese(locale)
        ? "您好！如果您的研究中心配置了此频道，我会在这里发布新的转介通知。患者只在与我的一对一聊天中进行预筛查。"
        : "Hello! If your study site is set up to use this channel, I'll post new referral notices here. Patients pre-screen with me in one-to-one chats only.";

    private static bool IsChinese(string? locale) => locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
