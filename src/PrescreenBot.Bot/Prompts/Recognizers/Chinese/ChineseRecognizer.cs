using PrescreenBot.Bot.Prompts.Recognizers.English;

namespace PrescreenBot.Bot.Prompts.Recognizers.Chinese;

/// <summary>
/// Simplified Chinese (zh-CN): 是/对/有 · 否/不是/没有 · 不确定/不知道, Chinese numerals (五, 十二, 三十四, 72岁),
/// 年/月/日 dates and relative dates (三个月前, 去年). Text without a Chinese match falls back to English, since
/// people mix in "ok", "yes" or digits.
/// </summary>
public sealed class ChineseRecognizer : ILanguageRecognizer
{
    public static readonly ChineseRecognizer Instance = new();

    // Order matters: unsure phrases contain 不 (no), and no phrases contain 是/有 (yes).
    private static readonly string[] UnsurePhrases =
    [
        "不确定", "不知道", "不清楚", "说不准", "说不清", "不好说", "不一定", "记不清", "记不得", "不记得", "忘了", "忘记了",
        "可能", "也许", "或许", "大概", "不太确定", "没把握", "不晓得", "不肯定", "不太清楚",
    ];

    private static readonly string[] NoPhrases =
    [
        "不是", "没有", "没", "不对", "不会", "不用", "不要", "不行", "不", "否", "无", "从未", "从来没", "未曾", "错",
    ];

    private static readonly string[] YesPhrases =
    [
        "是", "对", "有", "嗯", "好", "行", "可以", "没错", "当然", "确定", "肯定", "正确", "要", "会", "曾经",
    ];

    private static readonly (string Phrase, DialogCommand Command)[] Commands =
    [
        ("帮助", DialogCommand.Help), ("帮忙", DialogCommand.Help), ("求助", DialogCommand.Help), ("什么意思", DialogCommand.Help),
        ("这是什么意思", DialogCommand.Help), ("不明白", DialogCommand.Help), ("我不明白", DialogCommand.Help), ("不懂", DialogCommand.Help),
        ("重新开始", DialogCommand.StartOver), ("重来", DialogCommand.StartOver), ("从头开始", DialogCommand.StartOver),
        ("重新来", DialogCommand.StartOver), ("重置", DialogCommand.StartOver), ("再来一次", DialogCommand.StartOver),
        ("返回", DialogCommand.Back), ("上一步", DialogCommand.Back), ("上一题", DialogCommand.Back), ("上一个问题", DialogCommand.Back),
        ("后退", DialogCommand.Back), ("改答案", DialogCommand.Back), ("修改答案", DialogCommand.Back), ("回去", DialogCommand.Back),
        ("退回", DialogCommand.Back), ("修改上一个答案", DialogCommand.Back),
        ("停止", DialogCommand.Stop), ("退出", DialogCommand.Stop), ("取消", DialogCommand.Stop), ("结束", DialogCommand.Stop),
        ("不做了", DialogCommand.Stop), ("停", DialogCommand.Stop), ("再见", DialogCommand.Stop),
    ];

    private ChineseRecognizer()
    {
    }

    public string Language => "zh";

    public ChoiceLabels Labels { get; } = new()
    {
        Yes = "是",
        No = "否",
        NotSure = "不确定",
        InlineSeparator = "，",
        InlineOr = "或",
        InlineOrMore = "，或",
    };

    public YesNoUnsure? RecognizeYesNoUnsure(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (UnsurePhrases.Any(p => normalized.Contains(p, StringComparison.Ordinal)))
        {
            return YesNoUnsure.NotSure;
        }

        var firstNo = FirstIndex(normalized, NoPhrases);
        var firstYes = FirstIndex(normalized, YesPhrases);
        if (firstNo >= 0 || firstYes >= 0)
        {
            // A no-phrase starting at or before the first yes-word wins: 不是 starts before its 是.
            return firstYes < 0 || (firstNo >= 0 && firstNo <= firstYes) ? YesNoUnsure.No : YesNoUnsure.Yes;
        }

        return EnglishRecognizer.Instance.RecognizeYesNoUnsure(text);
    }

    public decimal? RecognizeNumber(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return ChineseNumbers.Recognize(normalized) ?? EnglishRecognizer.Instance.RecognizeNumber(text);
    }

    public int? RecognizeOrdinal(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return ChineseNumbers.RecognizeOrdinal(normalized) ?? EnglishRecognizer.Instance.RecognizeOrdinal(text);
    }

    public DateTimeResolution? RecognizeDate(string text, DateOnly today) =>
        ChineseDates.Recognize(TextNormalizer.Normalize(text), today) ?? EnglishRecognizer.Instance.RecognizeDate(text, today);

    public DialogCommand? RecognizeCommand(string text)
    {
        var normalized = TextNormalizer.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (normalized.StartsWith('请'))
        {
            normalized = normalized[1..];
        }

        foreach (var (phrase, command) in Commands)
        {
            if (string.Equals(normalized, phrase, StringComparison.Ordinal))
            {
                return command;
            }
        }

        return EnglishRecognizer.Instance.RecognizeCommand(text);
    }

    private static int FirstIndex(string normalized, string[] phrases)
    {
        var first = -1;
        foreach (var phrase in phrases)
        {
            var index = normalized.IndexOf(phrase, StringComparison.Ordinal);
            if (index >= 0 && (first < 0 || index < first))
            {
                first = index;
            }
        }

        return first;
    }
}
