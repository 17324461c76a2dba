using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Channels.WebChat;

/// <summary>The words on the page around Web Chat, in the languages the conversation speaks.</summary>
public sealed record WebChatPageText
{
    public required string Lang { get; init; }
    public required string Title { get; init; }
    public required string Skip { get; init; }
    public required string Tagline { get; init; }
    public required string NoticeLead { get; init; }
    public required string Notice { get; init; }
    public required string ChatHeading { get; init; }
    public required string Loading { get; init; }
    public required string NoScript { get; init; }
    public required string Error { get; init; }
    public required string Footer { get; init; }

    public static WebChatPageText English { get; } = new()
    {
        Lang = "en",
        Title = "PrescreenBot – clinical trial pre-screening chat",
        Skip = "Skip to the chat",
        Tagline = "Answer a few questions to find out whether a clinical trial might be a fit for you. It takes about five minutes.",
        NoticeLead = "This is not medical advice.",
        Notice = "The result is only a first check; the study team decides who can take part. In an emergency call your local emergency number.",
        ChatHeading = "Pre-screening chat",
        Loading = "Connecting to the chat…",
        NoScript = "The chat needs JavaScript. Please turn it on and reload the page.",
        Error = "The chat could not be started. Please check your connection and reload the page.",
        Footer = "PrescreenBot asks only what the trial needs. You can stop at any time.",
    };

    public static WebChatPageText SimplifiedChinese { get; } = new()
    {
        Lang = "zh-CN",
        Title = "PrescreenBot – 临床试验预筛选聊天",
        Skip = "跳到聊天",
        Tagline = "回答几个问题，看看某项临床试验是否可能适合您。大约需要五分钟。",
        NoticeLead = "这不是医疗建议。",
        Notice = "结果只是初步筛查；能否参加由研究团队决定。如遇紧急情况，请拨打当地急救电话。",
        ChatHeading = "预筛选聊天",
        Loading = "正在连接聊天…",
        NoScript = "聊天需要启用 JavaScript。请开启后重新加载页面。",
        Error = "无法启动聊天。请检查网络连接并重新加载页面。",
        Footer = "PrescreenBot 只询问试验需要的信息。您可以随时停止。",
    };

    /// <summary>The text for a locale from the query (<c>zh-CN</c>, <c>zh</c>, <c>en-GB</c>…), with its normalized locale.</summary>
    public static (string Locale, WebChatPageText Text) For(string? requestedLocale)
    {
        var locale = Locales.Normalize(requestedLocale);
        return (locale, Locales.IsChinese(locale) ? SimplifiedChinese : English);
    }
}
