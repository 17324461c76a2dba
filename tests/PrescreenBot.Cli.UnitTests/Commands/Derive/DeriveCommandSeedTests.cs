using System.Text.Json;
using PrescreenBot.Cli.UnitTests.Support;

namespace PrescreenBot.Cli.UnitTests.Commands.Derive;

/// <summary><c>derive --json</c> on the five seed documents in dialogs/sources: the contract's shape and each trial's facts.</summary>
public sealed class DeriveCommandSeedTests
{
    public static TheoryData<string> Seeds => new(Repository.SeedFiles);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RunAsync_SeedWithJson_PrintsExactlyTheContract(string seed)
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(seed), "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        JsonShape.CheckDocument(json.RootElement);
        json.RootElement.GetProperty("criteria").GetArrayLength().Should().BePositive();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RunAsync_SeedWithJson_CriterionFlagsAppearInTheFlagList(string seed)
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(seed), "--json");

        using var json = JsonDocument.Parse(result.Output);
        var flags = json.RootElement.GetProperty("flags").EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString(), CriterionId: f.GetProperty("criterionId").GetString())).ToList();
        var criteria = json.RootElement.GetProperty("criteria").EnumerateArray().ToList();
        criteria.Select(c => c.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
        foreach (var criterion in criteria)
        {
            var id = criterion.GetProperty("id").GetString();
            foreach (var code in criterion.GetProperty("flags").EnumerateArray().Select(c => c.GetString()))
            {
                flags.Should().Contain((code, id), "criterion {0} is flagged {1}", id, code);
            }
        }

        flags.Where(f => f.CriterionId is not null).Select(f => f.CriterionId)
            .Should().BeSubsetOf(criteria.Select(c => c.GetProperty("id").GetString()), "a flag names an existing criterion");
    }

    [Theory]
    [InlineData(Repository.Nct07339332, "NCT07339332", "RECRUITING", "EARLY_PHASE1", 12, 18.0, 65.0)]
    [InlineData(Repository.Zhejiang, Repository.ZhejiangId, "RECRUITING", "PHASE1", 18, 5.0, null)]
    [InlineData(Repository.Nct07161193, "NCT07161193", "NOT_YET_RECRUITING", "PHASE1/PHASE2", 30, 18.0, 70.0)]
    [InlineData(Repository.Nct06316791, "NCT06316791", "RECRUITING", "EARLY_PHASE1", 24, 18.0, 70.0)]
    [InlineData(Repository.Nct07318259, "NCT07318259", "RECRUITING", "PHASE1", null, 18.0, null)]
    public async Task RunAsync_SeedWithJson_HasTheTrialFacts(string seed, string id, string status, string phase, int? enrollment, double? minAge, double? maxAge)
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(seed), "--json");

        using var json = JsonDocument.Parse(result.Output);
        var trial = json.RootElement.GetProperty("trial");
        trial.GetProperty("id").GetString().Should().Be(id);
        trial.GetProperty("status").GetString().Should().Be(status);
        trial.GetProperty("phase").GetString().Should().Be(phase);
        trial.GetProperty("sex").GetString().Should().Be("ALL", "every seed admits both sexes");
        NumberOrNull(trial.GetProperty("enrollment")).Should().Be(enrollment);
        NumberOrNull(trial.GetProperty("minAgeYears")).Should().Be(minAge);
        NumberOrNull(trial.GetProperty("maxAgeYears")).Should().Be(maxAge, "an unbounded age is null, not a made-up maximum");
    }

    [Fact]
    public async Task RunAsync_ZhejiangPageWithoutNctId_UsesTheSlugAndFlagsIt()
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(Repository.Zhejiang), "--json");

        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("trial").GetProperty("id").GetString().Should().Be(Repository.ZhejiangId);
        Codes(json.RootElement).Should().Contain("no-nct-id");
        json.RootElement.GetProperty("trial").GetProperty("conditions").EnumerateArray().Select(c => c.GetString())
            .Should().Equal("Systemic Lupus Erythematosus");
    }

    [Fact]
    public async Task RunAsync_NotYetRecruitingSeed_FlagsItAndListsSevenCohorts()
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(Repository.Nct07161193), "--json");

        using var json = JsonDocument.Parse(result.Output);
        Codes(json.RootElement).Should().Contain("not-yet-recruiting");
        json.RootElement.GetProperty("criteria").EnumerateArray()
            .Select(c => c.GetProperty("cohort").GetString()).OfType<string>().Distinct()
            .Should().HaveCount(7, "NCT07161193 has seven disease cohorts");
    }

    [Fact]
    public async Task RunAsync_RecruitmentPageWithPlaceholder_FlagsPlaceholderAndMissingSites()
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(Repository.Nct07318259), "--json");

        using var json = JsonDocument.Parse(result.Output);
        Codes(json.RootElement).Should().Contain(["template-placeholder", "no-sites"]);
        json.RootElement.GetProperty("trial").GetProperty("healthyVolunteers").ValueKind.Should().Be(JsonValueKind.Null, "the page does not say");
    }

    [Fact]
    public async Task RunAsync_RegistrySeedPastCompletion_FlagsStaleStatus()
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(Repository.Nct06316791), "--json");

        using var json = JsonDocument.Parse(result.Output);
        Codes(json.RootElement).Should().Contain("stale-status");
        var site = json.RootElement.GetProperty("trial").GetProperty("sites").EnumerateArray().Single();
        site.GetProperty("city").GetString().Should().Be("Zhengzhou");
        site.GetProperty("country").GetString().Should().Be("China");
        site.GetProperty("contacts").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_Nct07339332_HasPatientQuestionsAndSiteItems()
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(Repository.Nct07339332), "--json");

        using var json = JsonDocument.Parse(result.Output);
        var criteria = json.RootElement.GetProperty("criteria").EnumerateArray().ToList();
        var age = criteria.Single(c => c.GetProperty("id").GetString() == "age");
        age.GetProperty("question").GetProperty("answerType").GetString().Should().Be("number");
        age.GetProperty("question").GetProperty("disqualifyingAnswer").GetString().Should().Contain("18").And.Contain("65");
        criteria.Should().Contain(c => c.GetProperty("answerableBy").GetString() == "site" && c.GetProperty("question").ValueKind == JsonValueKind.Null,
            "lab values and scores are verified by the site, not asked");
        Codes(json.RootElement).Should().Contain(["inclusion-under-exclusion", "double-negative", "permission-under-exclusion"]);
    }

    [Fact]
    public async Task RunAsync_SourcesFolderWithJson_PrintsAnArrayOfAllFiveTrials()
    {
        var result = await CliRun.DeriveAsync(Path.Combine(Repository.Root, "dialogs", "sources"), "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.EnumerateArray().Select(d => d.GetProperty("trial").GetProperty("id").GetString())
            .Should().BeEquivalentTo(["NCT06316791", "NCT07161193", "NCT07318259", "NCT07339332", Repository.ZhejiangId]);
        foreach (var doc in json.RootElement.EnumerateArray())
        {
            JsonShape.CheckDocument(doc);
        }
    }

    [Fact]
    public async Task RunAsync_SeedWithoutJson_PrintsAReadableSummary()
    {
        var result = await CliRun.DeriveAsync(Repository.Seed(Repository.Nct07339332));

        result.ExitCode.Should().Be(0);
        result.Output.Should().StartWith("NCT07339332 (registry-page)").And.Contain("status RECRUITING, ages 18–65");
        result.Error.Should().BeEmpty();
    }

    private static double? NumberOrNull(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    private static List<string?> Codes(JsonElement doc) => [.. doc.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString())];
}
