using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Prompts.Recognizers;
using PrescreenBot.Bot.Prompts.Recognizers.Chinese;

namespace PrescreenBot.Bot.UnitTests.Prompts.Recognizers.Chinese;

public sealed class ChineseRecognizerTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly ChineseRecognizer _zh = ChineseRecognizer.Instance;

    [Theory]
    [InlineData("是", YesNoUnsure.Yes)]
    [InlineData("是的", YesNoUnsure.Yes)]
    [InlineData("对", YesNoUnsure.Yes)]
    [InlineData("有", YesNoUnsure.Yes)]
    [InlineData("嗯嗯", YesNoUnsure.Yes)]
    [InlineData("否", YesNoUnsure.No)]
    [InlineData("不是", YesNoUnsure.No)]
    [InlineData("没有", YesNoUnsure.No)]
    [InlineData("不", YesNoUnsure.No)]
    [InlineData("不确定", YesNoUnsure.NotSure)]
    [InlineData("不知道", YesNoUnsure.NotSure)]
    [InlineData("我不清楚", YesNoUnsure.NotSure)]
    [InlineData("可能吧", YesNoUnsure.NotSure)]
    [InlineData("yes", YesNoUnsure.Yes)]
    [InlineData("OK", YesNoUnsure.Yes)]
    public void RecognizeYesNoUnsure_Answers(string text, YesNoUnsure expected)
    {
        _zh.RecognizeYesNoUnsure(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("五", 5)]
    [InlineData("十二", 12)]
    [InlineData("三十四", 34)]
    [InlineData("七十二岁", 72)]
    [InlineData("72岁", 72)]
    [InlineData("一百零五", 105)]
    [InlineData("两千", 2000)]
    [InlineData("三点五", 3.5)]
    [InlineData("一万二千", 12000)]
    [InlineData("我今年四十岁", 40)]
    [InlineData("42", 42)]
    public void RecognizeNumber_Numerals(string text, double expected)
    {
        _zh.RecognizeNumber(text).Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("第一个", 1)]
    [InlineData("第二", 2)]
    [InlineData("第3个", 3)]
    [InlineData("最后一个", -1)]
    public void RecognizeOrdinal_Positions(string text, int expected)
    {
        _zh.RecognizeOrdinal(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("2024年3月", "2024-03")]
    [InlineData("2024年3月1日", "2024-03-01")]
    [InlineData("二〇二四年三月", "2024-03")]
    [InlineData("2019年", "2019")]
    [InlineData("三月", "2026-03")]
    [InlineData("十二月", "2025-12")]
    [InlineData("去年", "2025")]
    [InlineData("上个月", "2026-10")]
    [InlineData("昨天", "2026-11-20")]
    [InlineData("两周前", "2026-11-07")]
    [InlineData("三个月前", "2026-08-21")]
    [InlineData("5年前", "2021-11-21")]
    [InlineData("2024-03-01", "2024-03-01")]
    public void RecognizeDate_Forms(string text, string timex)
    {
        _zh.RecognizeDate(text, Today)!.Timex.Should().Be(timex);
    }

    [Theory]
    [InlineData("帮助", DialogCommand.Help)]
    [InlineData("重新开始", DialogCommand.StartOver)]
    [InlineData("上一步", DialogCommand.Back)]
    [InlineData("返回", DialogCommand.Back)]
    [InlineData("停止", DialogCommand.Stop)]
    [InlineData("退出", DialogCommand.Stop)]
    [InlineData("help", DialogCommand.Help)]
    public void RecognizeCommand_Commands(string text, DialogCommand expected)
    {
        _zh.RecognizeCommand(text).Should().Be(expected);
    }

    [Fact]
    public void ForLocale_ChineseVariants_ResolveToChinese()
    {
        LanguageRecognizers.ForLocale("zh-CN").Should().BeSameAs(_zh);
        LanguageRecognizers.ForLocale("zh-Hans").Should().BeSameAs(_zh);
        LanguageRecognizers.ForLocale("fr-FR").Language.Should().Be("en");
        LanguageRecognizers.ForLocale(null).Language.Should().Be("en");
    }
}
