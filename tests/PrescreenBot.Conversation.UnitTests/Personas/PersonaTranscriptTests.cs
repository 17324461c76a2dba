using System.Text.Json;
using PrescreenBot.Conversation.UnitTests.Support;
using PrescreenBot.Trials.Questions;
using Xunit.Abstractions;

namespace PrescreenBot.Conversation.UnitTests.Personas;

/// <summary>The personas of issue 4, screened across all five seed trials (the real <c>dialogs/*.yaml</c>).</summary>
public sealed class PersonaTranscriptTests(ITestOutputHelper output)
{
    private static IReadOnlyList<string> AllTrials => [.. SeedDialogs.Catalog.Sets.Select(s => s.Trial.Id)];

    private static IReadOnlyList<string> LupusTrials =>
        [SeedDialogs.LupusWuhan, SeedDialogs.Zhejiang, SeedDialogs.Cnct19, SeedDialogs.UltraFast, SeedDialogs.MultiDisease];

    [Fact]
    public async Task LupusWoman34_NoExclusions_LikelyEligibleForTheLupusTrialsWithSiteChecks()
    {
        var bot = await Persona.LupusWoman34.ScreenAsync();

        Verdicts(bot).Should().BeEquivalentTo(LupusTrials.ToDictionary(t => t, _ => "likelyEligible"));
        var text = VerdictMessage(bot);
        text.Should().Contain("you are likely eligible. The study team will still check a few things");
        text.Should().Contain("(This study is not yet recruiting: the site can note your interest.)");
        bot.CurrentStep.Should().Be("share:which");
        Report(Persona.LupusWoman34, bot);
    }

    [Fact]
    public async Task Woman72_OnlyTrialsWhoseAgeRangeAdmitsHer()
    {
        var bot = await Persona.Woman72.ScreenAsync();

        var verdicts = Verdicts(bot);
        verdicts[SeedDialogs.UltraFast].Should().Be("likelyEligible", "18 and older, no upper bound");
        verdicts[SeedDialogs.Zhejiang].Should().Be("likelyEligible", "5 and older, no upper bound");
        verdicts[SeedDialogs.LupusWuhan].Should().Be("notEligible");
        verdicts[SeedDialogs.Cnct19].Should().Be("notEligible");
        verdicts[SeedDialogs.MultiDisease].Should().Be("notEligible");
        Reasons(bot, SeedDialogs.LupusWuhan).Should().Contain("age");
        VerdictMessage(bot).Should().Contain("This study is for people who are aged 18 to 65.");
        Report(Persona.Woman72, bot);
    }

    [Fact]
    public async Task PriorCarT_NotEligibleForEachTrialExcludingIt_WithThatReason()
    {
        var bot = await Persona.PriorCarT.ScreenAsync();

        var excluding = SeedDialogs.Catalog.Sets
            .Where(s => s.Criteria.Any(c => c.Questions.Any(q => q.Key is QuestionKeys.PriorCarT or QuestionKeys.PriorGeneTherapy && q.Disqualifying.YesNo == true)))
            .Select(s => s.Trial.Id)
            .ToList();
        excluding.Should().NotContain(SeedDialogs.UltraFast, "its record does not exclude prior CAR-T");
        excluding.Should().HaveCount(4);

        var verdicts = Verdicts(bot);
        foreach (var trial in excluding)
        {
            verdicts[trial].Should().Be("notEligible", trial);
            var carTCriteria = SeedDialogs.Catalog.Get(trial).Criteria
                .Where(c => c.Questions.Any(q => q.Key is QuestionKeys.PriorCarT or QuestionKeys.PriorGeneTherapy))
                .Select(c => c.Id);
            Reasons(bot, trial).Should().IntersectWith(carTCriteria, $"{trial} is ruled out by its CAR-T criterion");
        }

        verdicts[SeedDialogs.UltraFast].Should().Be("likelyEligible");
        VerdictMessage(bot).Should().Contain("This study is for people who have not had CAR-T cell therapy before");
        Report(Persona.PriorCarT, bot);
    }

    [Fact]
    public async Task Child12AnsweredByParent_OnlyTheTrialAdmittingChildren()
    {
        var bot = await Persona.Child12ByParent.ScreenAsync();

        var verdicts = Verdicts(bot);
        verdicts[SeedDialogs.Zhejiang].Should().Be("likelyEligible");
        verdicts.Where(v => v.Key != SeedDialogs.Zhejiang).Should().OnlyContain(v => v.Value == "notEligible");
        bot.Transcript.Should().Contain(a => a.Text != null && a.Text.Contains("How old is your child"));
        VerdictMessage(bot).Should().Contain("your child is likely eligible");
        (await bot.StoredSessionAsync()).AnsweredByGuardian.Should().BeTrue();
        Report(Persona.Child12ByParent, bot);
    }

    [Fact]
    public async Task RheumatoidArthritis_OnlyTheRaCohortOfNct07161193()
    {
        var bot = await Persona.RheumatoidArthritis.ScreenAsync();

        var verdicts = Verdicts(bot);
        verdicts[SeedDialogs.MultiDisease].Should().Be("likelyEligible");
        verdicts.Where(v => v.Key != SeedDialogs.MultiDisease).Should().OnlyContain(v => v.Value == "notEligible");
        var raCohort = SeedDialogs.Catalog.Get(SeedDialogs.MultiDisease).Cohorts.Single(c => c.ConditionKeys.Contains(ConditionKeys.Ra));
        PrescreenBot.Trials.Eligibility.EligibilityEvaluator
            .Evaluate(SeedDialogs.Catalog.Get(SeedDialogs.MultiDisease), (await bot.StoredSessionAsync()).Answers).Cohort
            .Should().Be(raCohort.Key);
        Report(Persona.RheumatoidArthritis, bot);
    }

    [Fact]
    public async Task NotSureToEverything_NeedsCheckEverywhere_NeverExcluded()
    {
        var bot = await Persona.NotSureToEverything.ScreenAsync();

        Verdicts(bot).Should().BeEquivalentTo(AllTrials.ToDictionary(t => t, _ => "needsReview"));
        VerdictMessage(bot).Should().Contain("the study team needs to check");
        Report(Persona.NotSureToEverything, bot);
    }

    [Fact]
    public async Task NotSureToEverything_AcceptingTheOfferToStop_SeesResultsEarly()
    {
        var persona = Persona.NotSureToEverything with
        {
            Answers = new Dictionary<string, string>(Persona.NotSureToEverything.Answers) { ["screening:skipRest"] = "yes" },
        };

        var bot = await persona.ScreenAsync();

        bot.Transcript.Should().Contain(a => a.Text != null && a.Text.Contains("Would you like to see your results now?"));
        Verdicts(bot).Values.Should().OnlyContain(v => v == "needsReview");
        bot.LastResult!.QuestionsAsked.Should().Be(PrescreenBot.Conversation.Flow.PrescreenFlow.NotSureStreakBeforeOffer);
        output.WriteLine($"\"not sure\" to everything, accepting the offer to stop: {bot.LastResult.QuestionsAsked} questions");
    }

    [Fact]
    public async Task ChineseLupusWoman_EndToEndInChinese()
    {
        var bot = await Persona.ChineseLupusWoman.ScreenAsync();

        Verdicts(bot).Should().BeEquivalentTo(LupusTrials.ToDictionary(t => t, _ => "likelyEligible"));
        var questions = bot.Transcript.Where(a => a.ChannelData is not null).ToList();
        questions.Should().OnlyContain(q => q.Text!.Any(c => c >= 0x4E00 && c <= 0x9FFF), "every question is asked in Chinese");
        questions.Should().OnlyContain(q => q.Locale == "zh-CN");
        bot.Transcript.First().Text.Should().StartWith("您好！");
        VerdictMessage(bot).Should().Contain("以下是筛查结果").And.Contain("您很可能符合条件");
        foreach (var trial in SeedDialogs.Catalog.Sets.Select(s => s.Trial))
        {
            VerdictMessage(bot).Should().Contain(trial.TitleZh!, "trial titles are shown in Chinese").And.NotContain(trial.Title);
        }

        Report(Persona.ChineseLupusWoman, bot);
    }

    [Fact]
    public async Task ChineseLupusWoman_ReferralInChinese_RecordsChineseAsPreferredLanguage()
    {
        var bot = await Persona.ChineseLupusWoman.ScreenAsync();

        foreach (var answer in new[] { SeedDialogs.LupusWuhan, "是", "李伟", "+86 138 0013 8000", "wei@example.com", "上午", "中文" })
        {
            await bot.SayAsync(answer);
        }

        bot.LastQuestion!.Text.Should().StartWith("请核对以下信息").And.Contain("姓名：李伟").And.Contain("语言：中文");
        var done = await bot.SayAsync("是");

        bot.AllText(done).Should().StartWith("完成！").And.Contain("删除我的数据");
        var request = bot.Referrals.Requests.Should().ContainSingle().Subject;
        request.Contact.PreferredLanguage.Should().Be("zh");
        request.Contact.Email.Should().Be("wei@example.com");
        request.Locale.Should().Be("zh-CN");
    }

    [Fact]
    public async Task ResultEvent_Payload_MatchesTheContract()
    {
        var bot = await Persona.PriorCarT.ScreenAsync();

        var json = bot.ResultEvents.Should().ContainSingle().Subject;
        json.EnumerateObject().Select(p => p.Name).Should().Equal("verdicts", "questionsAsked");
        json.GetProperty("questionsAsked").GetInt32().Should().Be(bot.LastResult!.QuestionsAsked).And.BeGreaterThan(0);
        var verdicts = json.GetProperty("verdicts").EnumerateArray().ToList();
        verdicts.Should().HaveCount(5);
        foreach (var verdict in verdicts)
        {
            verdict.EnumerateObject().Select(p => p.Name).Should().Equal("trialId", "verdict", "reasons");
            verdict.GetProperty("verdict").GetString().Should().BeOneOf("likelyEligible", "needsReview", "notEligible");
            verdict.GetProperty("reasons").ValueKind.Should().Be(JsonValueKind.Array);
        }

        var evt = bot.Transcript.Single(a => a.Name == PrescreenEvents.Result);
        evt.Type.Should().Be("event");
        var verdictMessage = bot.Transcript.IndexOf(bot.Transcript.Last(a => a.Text?.Contains("Here is what I found") == true));
        bot.Transcript.IndexOf(evt).Should().Be(verdictMessage + 1, "the event goes together with the verdict message");
    }

    [Fact]
    public async Task QuestionCounts_AllPersonas_MedianAtMost15()
    {
        var counts = new List<(string Name, int Questions)>();
        foreach (var persona in Persona.All)
        {
            var bot = await persona.ScreenAsync();
            counts.Add((persona.Name, bot.LastResult!.QuestionsAsked));
        }

        foreach (var (name, questions) in counts)
        {
            output.WriteLine($"{questions,3}  {name}");
        }

        var sorted = counts.Select(c => c.Questions).Order().ToList();
        var median = sorted[sorted.Count / 2];
        output.WriteLine($"median {median}");
        median.Should().BeLessThanOrEqualTo(15);
    }

    private static Dictionary<string, string> Verdicts(BotHarness bot) =>
        bot.LastResult!.Verdicts.ToDictionary(v => v.TrialId, v => v.Verdict);

    private static IReadOnlyList<string> Reasons(BotHarness bot, string trialId) =>
        bot.LastResult!.Verdicts.Single(v => v.TrialId == trialId).Reasons;

    private static string VerdictMessage(BotHarness bot) =>
        bot.Transcript.Last(a => a.Text?.Contains("Here is what I found") == true || a.Text?.Contains("以下是筛查结果") == true).Text!;

    private void Report(Persona persona, BotHarness bot) =>
        output.WriteLine($"{persona.Name}: {bot.LastResult!.QuestionsAsked} questions");
}
