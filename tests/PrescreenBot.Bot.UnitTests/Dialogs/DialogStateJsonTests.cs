using System.Text.Json;
using PrescreenBot.Bot.Dialogs;
using PrescreenBot.Bot.Prompts;
using PrescreenBot.Bot.Schema;
using PrescreenBot.Bot.State;

namespace PrescreenBot.Bot.UnitTests.Dialogs;

public sealed class DialogStateJsonTests
{
    private static DialogState RoundTrip(DialogState state) =>
        JsonSerializer.Deserialize<DialogState>(JsonSerializer.SerializeToUtf8Bytes(state, BotJson.Options), BotJson.Options)!;

    [Fact]
    public void RoundTrip_Primitives_ComeBackAsDotNetValues()
    {
        var state = new DialogState();
        state.DialogStack.Add(new DialogInstance { Id = "d", State = { ["n"] = 5, ["big"] = 5_000_000_000L, ["x"] = 4.5m, ["s"] = "text", ["b"] = true, ["none"] = null } });

        var bag = RoundTrip(state).DialogStack.Single().State;

        bag["n"].Should().Be(5);
        bag["big"].Should().Be(5_000_000_000L);
        bag["x"].Should().Be(4.5m);
        bag["s"].Should().Be("text");
        bag["b"].Should().Be(true);
        bag["none"].Should().BeNull();
    }

    [Fact]
    public void RoundTrip_OurKeys_ComeBackTyped()
    {
        var inner = new DialogState();
        inner.DialogStack.Add(new DialogInstance { Id = "p", State = { ["promptOptions"] = new PromptOptions { Prompt = MessageFactory.Text("Q?") } } });
        var state = new DialogState();
        state.DialogStack.Add(new DialogInstance { Id = "c", State = { ["dialogs"] = inner, ["values"] = new Dictionary<string, object?> { ["a"] = 1 } } });

        var read = RoundTrip(state).DialogStack.Single().State;

        var readInner = read["dialogs"].Should().BeOfType<DialogState>().Subject;
        readInner.DialogStack.Single().State["promptOptions"].Should().BeOfType<PromptOptions>().Which.Prompt!.Text.Should().Be("Q?");
        read["values"].Should().BeOfType<Dictionary<string, object?>>().Which["a"].Should().Be(1);
    }

    [Fact]
    public void RoundTrip_OurKeyUsedDifferentlyByAnotherDialog_KeptAsJson()
    {
        var state = new DialogState();
        state.DialogStack.Add(new DialogInstance { Id = "custom", State = { ["history"] = new { Something = "else" }, ["state"] = "a string" } });

        var bag = RoundTrip(state).DialogStack.Single().State;

        bag["history"].Should().BeOfType<JsonElement>().Which.GetProperty("something").GetString().Should().Be("else");
        bag["state"].Should().Be("a string");
    }

    [Fact]
    public void Read_InstanceWithoutId_ThrowsJsonException()
    {
        var read = () => JsonSerializer.Deserialize<DialogState>("""{"dialogStack":[{"state":{}}]}""", BotJson.Options);

        read.Should().Throw<JsonException>().WithMessage("*no id*");
    }

    [Fact]
    public void StateValues_EnumStoredAsNumber_ReadBackAsEnum()
    {
        var state = new DialogState();
        state.DialogStack.Add(new DialogInstance { Id = "d", State = { ["answer"] = YesNoUnsure.NotSure } });

        RoundTrip(state).DialogStack.Single().State.Get<YesNoUnsure>("answer").Should().Be(YesNoUnsure.NotSure);
    }
}
