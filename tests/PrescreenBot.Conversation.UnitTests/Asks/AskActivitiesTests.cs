using PrescreenBot.Bot.Schema;
using PrescreenBot.Conversation.Asks;
using PrescreenBot.Conversation.Resources;

namespace PrescreenBot.Conversation.UnitTests.Asks;

public sealed class AskActivitiesTests
{
    private static readonly Ask Conditions = new()
    {
        StepId = "key:condition",
        Kind = AskKind.MultiChoice,
        Keys = ["condition"],
        Text = "Which condition?",
        Retry = "Pick one.",
        Options = [new("sle", "Lupus"), new("ra", "RA"), new("ssc", "Scleroderma"), new("other", "Something else")],
        Buttons = ["Not sure"],
        Locale = Locales.English,
    };

    [Fact]
    public void ToPromptOptions_WebChat_EveryAnswerIsASuggestedAction()
    {
        var options = AskActivities.ToPromptOptions(Conditions, Channels.Webchat);

        options.Prompt!.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("Lupus", "RA", "Scleroderma", "Something else", "Not sure");
        options.Prompt.InputHint.Should().Be(InputHints.ExpectingInput);
        options.Prompt.ChannelData.Should().BeEquivalentTo(new PrescreenStepData("key:condition", ["condition"], "choices"));
        options.RetryPrompt!.Text.Should().Be("Pick one.\n\nWhich condition?");
    }

    [Fact]
    public void ToPromptOptions_TeamsWithMoreThanThreeAnswers_NumbersThemInTheText()
    {
        var options = AskActivities.ToPromptOptions(Conditions, Channels.Msteams);

        options.Prompt!.SuggestedActions.Should().BeNull();
        options.Prompt.Text.Should().EndWith("1. Lupus\n2. RA\n3. Scleroderma\n4. Something else\n5. Not sure");
    }
}
