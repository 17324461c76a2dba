using PrescreenBot.Conversation.Screening;
using PrescreenBot.Conversation.UnitTests.Support;

namespace PrescreenBot.Conversation.UnitTests.Personas;

/// <summary>A patient of issue 4, as the answers they would give (by step or question key) and what they say to everything else.</summary>
public sealed record Persona(string Name, IReadOnlyDictionary<string, string> Answers, string Otherwise = "no", string Locale = "en-US")
{
    public static Persona LupusWoman34 { get; } = new("34-year-old woman with lupus, no exclusions", Lupus("34", "female"));

    public static Persona Woman72 { get; } = new("72-year-old woman with lupus", Lupus("72", "female"));

    public static Persona PriorCarT { get; } = new("40-year-old man with lupus who had CAR-T before", With(Lupus("40", "male"), ("prior-car-t", "yes")));

    public static Persona Child12ByParent { get; } = new("12-year-old with lupus, answered by a parent", With(Lupus("12", "female"), ("respondent", "2")));

    public static Persona RheumatoidArthritis { get; } = new("50-year-old woman with rheumatoid arthritis", With(Lupus("50", "female"), ("key:condition", "rheumatoid arthritis")));

    public static Persona NotSureToEverything { get; } = new("\"not sure\" to every question",
        new Dictionary<string, string> { ["consent"] = "yes", ["respondent"] = "1", ["key:sex"] = "prefer not to say", ["intake:country"] = "skip", ["intake:city"] = "skip", ["screening:skipRest"] = "no" },
        Otherwise: "not sure");

    public static Persona ChineseLupusWoman { get; } = new("34-year-old woman with lupus, in Chinese", new Dictionary<string, string>
    {
        ["consent"] = "是",
        ["respondent"] = "我是患者本人",
        ["key:age"] = "34岁",
        ["key:sex"] = "女",
        ["key:condition"] = "红斑狼疮",
        ["intake:country"] = "中国",
        ["intake:city"] = "武汉",
        ["key:refractory"] = "是",
        ["key:diagnosis-duration"] = "3年",
    }, Otherwise: "否", Locale: "zh-CN");

    public static IReadOnlyList<Persona> All { get; } =
        [LupusWoman34, Woman72, PriorCarT, Child12ByParent, RheumatoidArthritis, NotSureToEverything, ChineseLupusWoman];

    /// <summary>Answers every question up to the verdicts (the first step after them: sharing, or the end).</summary>
    public async Task<BotHarness> ScreenAsync(TrialCatalog? catalog = null)
    {
        var bot = new BotHarness(catalog ?? SeedDialogs.Catalog, Locale);
        await bot.JoinAsync();
        for (var i = 0; i < 100 && bot.LastResult is null; i++)
        {
            var step = bot.CurrentStep!;
            await bot.SayAsync(Answering.AnswerFor(step, bot.CurrentKeys, Answers, Otherwise));
        }

        return bot;
    }

    private static Dictionary<string, string> Lupus(string age, string sex) => new()
    {
        ["consent"] = "yes",
        ["respondent"] = "1",
        ["key:age"] = age,
        ["key:sex"] = sex,
        ["key:condition"] = "lupus",
        ["intake:country"] = "China",
        ["intake:city"] = "Wuhan",
        ["key:refractory"] = "yes",
        ["key:diagnosis-duration"] = "3 years",
    };

    private static Dictionary<string, string> With(Dictionary<string, string> answers, params (string Key, string Answer)[] more)
    {
        foreach (var (key, answer) in more)
        {
            answers[key] = answer;
        }

        return answers;
    }
}
