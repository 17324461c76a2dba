using System.Text;
using FsCheck;
using System.Text.Json;
using PrescreenBot.Bot.Schema;

namespace PrescreenBot.Bot.UnitTests.Schema;

public sealed class BotJsonTests
{
    private const string ChannelMessage = """
        {
          "type": "message",
          "id": "abc",
          "timestamp": "2024-03-01T10:00:00.123Z",
          "localTimestamp": "2024-03-01T11:00:00+01:00",
          "localTimezone": "Europe/Berlin",
          "serviceUrl": "https://smba.example/",
          "channelId": "msteams",
          "from": { "id": "29:user", "name": "Pat", "aadObjectId": "aad-1", "tenantProp": 5 },
          "conversation": { "id": "a:1", "conversationType": "personal", "tenantId": "t1", "isGroup": false },
          "recipient": { "id": "28:bot", "role": "bot" },
          "text": "hello",
          "locale": "en-US",
          "entities": [ { "type": "mention", "mentioned": { "id": "28:bot" }, "text": "<at>bot</at>" } ],
          "channelData": { "tenant": { "id": "t1" } },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5", "body": [] } } ],
          "futureField": { "nested": [1, 2, 3] },
          "anotherUnknown": "kept"
        }
        """;

    [Fact]
    public void ParseActivity_ChannelMessage_ReadsKnownFields()
    {
        var activity = BotJson.ParseActivity(ChannelMessage);

        activity.Type.Should().Be(ActivityTypes.Message);
        activity.Timestamp.Should().Be(new DateTimeOffset(2024, 3, 1, 10, 0, 0, 123, TimeSpan.Zero));
        activity.LocalTimestamp!.Value.Offset.Should().Be(TimeSpan.FromHours(1));
        activity.From!.AadObjectId.Should().Be("aad-1");
        activity.Conversation!.TenantId.Should().Be("t1");
        activity.Entities!.Single().GetAs<Mention>().Mentioned!.Id.Should().Be("28:bot");
        activity.Attachments!.Single().Content.Should().BeOfType<JsonElement>();
    }

    [Fact]
    public void SerializeActivity_UnknownProperties_RoundTrip()
    {
        var activity = BotJson.ParseActivity(Encoding.UTF8.GetBytes(ChannelMessage));

        var written = JsonDocument.Parse(BotJson.SerializeActivity(activity)).RootElement;

        written.GetProperty("futureField").GetProperty("nested").GetArrayLength().Should().Be(3);
        written.GetProperty("anotherUnknown").GetString().Should().Be("kept");
        written.GetProperty("from").GetProperty("tenantProp").GetInt32().Should().Be(5);
        written.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString().Should().Be("t1");
        written.GetProperty("attachments")[0].GetProperty("content").GetProperty("version").GetString().Should().Be("1.5");
    }

    [Fact]
    public void SerializeActivity_NullsAndCasing_OmittedAndCamelCase()
    {
        var json = Encoding.UTF8.GetString(BotJson.SerializeActivity(MessageFactory.Text("hi")));

        json.Should().Be("""{"type":"message","text":"hi"}""");
    }

    [Fact]
    public void SerializeActivity_Timestamp_WrittenAsUtcWithZ()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Timestamp = new DateTimeOffset(2024, 3, 1, 11, 0, 0, TimeSpan.FromHours(1)) };

        var written = JsonDocument.Parse(BotJson.SerializeActivity(activity)).RootElement;

        written.GetProperty("timestamp").GetString().Should().Be("2024-03-01T10:00:00Z");
    }

    [Fact]
    public void ParseActivity_CaseInsensitiveNames_Read()
    {
        BotJson.ParseActivity("""{"Type":"message","TEXT":"x"}""").Text.Should().Be("x");
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("""{"text":"hi"}""", "no 'type'")]
    [InlineData("""{"type":"  "}""", "no 'type'")]
    [InlineData("""{"type":"message","membersAdded":"oops"}""", "$.membersAdded")]
    [InlineData("[1,2]", "not valid JSON")]
    [InlineData("""{"type":"message","timestamp":"yesterday-ish"}""", "$.timestamp")]
    [InlineData("""{"type":"message","timestamp":12}""", "$.timestamp")]
    [InlineData("""{"type":"message","localTimestamp":"nope"}""", "$.localTimestamp")]
    [InlineData("""{"type":"message","from":{"id":{"nested":true}}}""", "$.from.id")]
    public void ParseActivity_Malformed_ThrowsActivityFormatExceptionWithClearMessage(string json, string expected)
    {
        var parse = () => BotJson.ParseActivity(json);

        parse.Should().Throw<ActivityFormatException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Options_AreReadOnly()
    {
        BotJson.Options.IsReadOnly.Should().BeTrue();
    }
}

public sealed class BotJsonPropertyTests
{
    [Fact]
    public void ParseActivity_ArbitraryText_OnlyEverThrowsActivityFormatException()
    {
        FsCheck.Fluent.Prop.ForAll<string>(text =>
        {
            try
            {
                BotJson.ParseActivity(text ?? string.Empty);
            }
            catch (ActivityFormatException)
            {
            }
        }).QuickCheckThrowOnFailure();
    }
}
