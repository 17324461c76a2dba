using System.Text.Json;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Session;
using PrescreenBot.Trials.Questions;

namespace PrescreenBot.Conversation.UnitTests.Session.Stored;

/// <summary>The session's answers and history through the stored JSON form and back.</summary>
public sealed class StoredHistoryTests
{
    [Fact]
    public void RoundTrip_EveryKindOfStep_TheSameAnswersAndHistoryBack()
    {
        var session = new PrescreenSession
        {
            Answers = new(StringComparer.OrdinalIgnoreCase)
            {
                ["age"] = Answer.Years(34),
                ["hiv"] = Answer.No(),
                ["hepatitis-b"] = Answer.No(0) with { ImpliedBy = "hiv" },
                ["pregnant"] = Answer.NotSure,
                ["refractory"] = Answer.NotSure,
                ["weight"] = Answer.Quantity(60, "kg") with { WithinDays = 3 },
                ["country-born"] = Answer.Chosen("cn"),
            },
            History =
            [
                new() { StepId = "consent" },
                new() { StepId = "key:age", Keys = ["age"], Counted = true },
                new() { StepId = "group:infections", Keys = ["hiv", "hepatitis-b"], Counted = true },
                new() { StepId = "group:pregnancy", Counted = true },
                new() { StepId = "key:pregnant", Keys = ["pregnant"], Counted = true },
                new() { StepId = "key:refractory", Keys = ["refractory"], Counted = true },
                new() { StepId = "screening:skipRest", Keys = ["refractory", "weight"] },
                new() { StepId = "key:odd", Keys = ["odd"], Counted = false },
                new() { StepId = "share:which" },
            ],
        };

        var json = JsonSerializer.Serialize(session, BotJson.Options);
        var back = JsonSerializer.Deserialize<PrescreenSession>(json, BotJson.Options)!;

        back.Answers.Should().BeEquivalentTo(session.Answers);
        back.History.Should().BeEquivalentTo(session.History, o => o.WithStrictOrdering());
        json.Should().Contain("\"v\":2");
        json.Should().Contain("\"history\":[\"consent\",\"key:age=34 years\",{\"group:infections\":{\"hiv\":\"no\",\"hepatitis-b\":{");
        json.Should().Contain("\"group:pregnancy\",\"key:pregnant=?\",\"key:refractory\",{\"screening:skipRest\":{\"refractory\":\"?\",\"weight\":{",
            "an answer is carried by the newest step that set it; the older one only names its key");
        json.Should().Contain("{\"stepId\":\"key:odd\",\"keys\":[\"odd\"],\"counted\":false}", "a step unlike its id's kind keeps the full object");
        json.Should().Contain("\"answers\":{\"country-born\":\"choice:cn\"}", "only answers no step carries stay in answers");
    }

    [Fact]
    public void Read_OldAndNewFormsMixed_BothUnderstood()
    {
        const string Json = """
            {"answers":{"age":{"kind":3,"number":34,"unit":"years"},"sex":"choice:female"},
             "history":[{"stepId":"consent"},{"stepId":"key:age","keys":["age"],"counted":true},"key:sex",
                        {"group:infections":{"hiv":"no@90","syphilis":{"kind":2}}},"key:refractory=yes"]}
            """;

        var session = JsonSerializer.Deserialize<PrescreenSession>(Json, BotJson.Options)!;

        session.Answers.Should().BeEquivalentTo(new Dictionary<string, Answer>
        {
            ["age"] = Answer.Years(34),
            ["sex"] = Answer.Chosen("female"),
            ["hiv"] = Answer.No(90),
            ["syphilis"] = Answer.NotSure,
            ["refractory"] = Answer.Yes(),
        });
        session.Answers.ContainsKey("HIV").Should().BeTrue("answer keys ignore case, as before");
        session.History.Select(h => (h.StepId, string.Join(",", h.Keys), h.Counted)).Should().Equal(
            ("consent", "", false),
            ("key:age", "age", true),
            ("key:sex", "sex", true),
            ("group:infections", "hiv,syphilis", true),
            ("key:refractory", "refractory", true));
    }

    [Theory]
    [InlineData("""{"answers":{"age":"about 34"}}""")]
    [InlineData("""{"history":["key:age=about 34"]}""")]
    [InlineData("""{"history":["consent=about 34"]}""")]
    [InlineData("""{"history":[{"group:x":{"a":"about 34"}}]}""")]
    [InlineData("""{"history":[{"group:x":"about 34"}]}""")]
    [InlineData("""{"history":[{"group:x":{},"group:y":{}}]}""")]
    [InlineData("""{"history":[42]}""")]
    public void Read_UnreadableStoredForm_JsonErrorThatRepeatsNoAnswer(string json)
    {
        var read = () => JsonSerializer.Deserialize<PrescreenSession>(json, BotJson.Options);

        read.Should().Throw<JsonException>().Which.Message.Should().NotContain("about 34", "stored answers are health data");
    }
}
