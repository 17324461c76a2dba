using System.Text.Json;
using System.Text.Json.Nodes;
using PrescreenBot.Cli.UnitTests.Support;

namespace PrescreenBot.Cli.UnitTests.Commands.Derive;

/// <summary><c>derive</c> on ClinicalTrials.gov API v2 study JSON (Fixtures/ctgov-v2-study.json, written from the documented structure).</summary>
public sealed class DeriveCommandCtGovJsonTests
{
    internal static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ctgov-v2-study.json");

    [Fact]
    public async Task RunAsync_CtGovStudyWithJson_MapsTheStructuredFields()
    {
        var result = await CliRun.DeriveAsync(FixturePath, "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        JsonShape.CheckDocument(json.RootElement);
        var trial = json.RootElement.GetProperty("trial");
        trial.GetProperty("id").GetString().Should().Be("NCT09990042");
        trial.GetProperty("title").GetString().Should().Be("Test Cell Therapy in Adults and Teenagers With Refractory Lupus Nephritis");
        trial.GetProperty("status").GetString().Should().Be("RECRUITING");
        trial.GetProperty("phase").GetString().Should().Be("PHASE1/PHASE2");
        trial.GetProperty("enrollment").GetInt32().Should().Be(40);
        trial.GetProperty("minAgeYears").GetDouble().Should().Be(16, "\"16 Years\" is 16 years");
        trial.GetProperty("maxAgeYears").GetDouble().Should().Be(70);
        trial.GetProperty("sex").GetString().Should().Be("FEMALE");
        trial.GetProperty("healthyVolunteers").GetBoolean().Should().BeFalse();
        trial.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()).Should().Equal("Lupus Nephritis", "Systemic Lupus Erythematosus");
    }

    [Fact]
    public async Task RunAsync_CtGovStudyWithJson_KeepsEachSiteWithItsOwnStatusAndContacts()
    {
        var result = await CliRun.DeriveAsync(FixturePath, "--json");

        using var json = JsonDocument.Parse(result.Output);
        var sites = json.RootElement.GetProperty("trial").GetProperty("sites").EnumerateArray().ToList();
        sites.Select(s => (s.GetProperty("name").GetString(), s.GetProperty("city").GetString(), s.GetProperty("country").GetString(), s.GetProperty("status").GetString()))
            .Should().Equal(("Example University Hospital", "Hangzhou", "China", "RECRUITING"), ("Example Second Hospital", "Shanghai", "China", "NOT_YET_RECRUITING"));
        var contact = sites[0].GetProperty("contacts").EnumerateArray().Single();
        (contact.GetProperty("name").GetString(), contact.GetProperty("role").GetString(), contact.GetProperty("phone").GetString(), contact.GetProperty("email").GetString())
            .Should().Be(("Li Wei", "CONTACT", "+86 571 1111 1111", "li.wei@example.org"));
        sites[1].GetProperty("contacts").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_CtGovStudyWithJson_SegmentsTheEscapedCriteriaText()
    {
        var result = await CliRun.DeriveAsync(FixturePath, "--json");

        using var json = JsonDocument.Parse(result.Output);
        var criteria = json.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        criteria.Keys.Should().Contain(["in-1", "in-2", "in-3", "ex-1", "ex-2", "ex-3", "ex-4"]);
        criteria["in-3"].GetProperty("text").GetString().Should().Be("eGFR >= 30 mL/min/1.73 m2", "Markdown escapes such as \\> are removed");
        criteria["ex-4"].GetProperty("text").GetString().Should().StartWith("Platelets < 50");
        criteria["in-3"].GetProperty("answerableBy").GetString().Should().Be("site");
        criteria["in-3"].GetProperty("question").ValueKind.Should().Be(JsonValueKind.Null);
        criteria["ex-2"].GetProperty("kind").GetString().Should().Be("exclusion");
        criteria["ex-2"].GetProperty("answerableBy").GetString().Should().Be("patient");
        criteria["ex-2"].GetProperty("question").GetProperty("disqualifyingAnswer").GetString().Should().Be("yes");
        criteria["sex"].GetProperty("question").GetProperty("disqualifyingAnswer").GetString().Should().Contain("female");
        json.RootElement.GetProperty("ignored").EnumerateArray().Select(i => i.GetProperty("text").GetString())
            .Should().BeEquivalentTo(["Inclusion Criteria:", "Exclusion Criteria:"], "headings are accounted for, nothing else is dropped");
    }

    [Fact]
    public async Task RunAsync_CtGovPageOfTwoStudies_PrintsAnArrayWithBoth()
    {
        using var temp = new TempFolder();
        var study = JsonNode.Parse(await File.ReadAllTextAsync(FixturePath))!;
        var second = study.DeepClone();
        second["protocolSection"]!["identificationModule"]!["nctId"] = "NCT09990043";
        var page = temp.Write("page.json", new JsonObject { ["studies"] = new JsonArray(study.DeepClone(), second) }.ToJsonString());

        var result = await CliRun.DeriveAsync(page, "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.EnumerateArray().Select(d => d.GetProperty("trial").GetProperty("id").GetString()).Should().Equal("NCT09990042", "NCT09990043");
    }
}
