using System.Text.Json;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.IntegrationTests.Channels.BotConnector;
using PrescreenBot.IntegrationTests.Infrastructure;

namespace PrescreenBot.IntegrationTests.Channels.Teams;

public sealed class TeamsTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    [Fact]
    public async Task Messages_BotMentioned_MentionStripped()
    {
        var activity = ActivityPosting.Message("<at>PrescreenBot</at> yes please", conversationId: "a:mention");
        activity.Conversation!.ConversationType = "personal";
        activity.Entities = [new Mention { Mentioned = new ChannelAccount("28:bot-1", "PrescreenBot"), Text = "<at>PrescreenBot</at>" }.ToEntity()];

        var replies = await fixture.Client.ExpectRepliesAsync(activity);

        replies.Should().ContainSingle().Which.Text.Should().Be("echo: yes please");
    }

    [Fact]
    public async Task Messages_OtherPersonMentioned_NameKeptTagsRemoved()
    {
        var activity = ActivityPosting.Message("<at>PrescreenBot</at> ask <at>Dr Lee</at>", conversationId: "a:mention-2");
        activity.Entities =
        [
            new Mention { Mentioned = new ChannelAccount("28:bot-1", "PrescreenBot"), Text = "<at>PrescreenBot</at>" }.ToEntity(),
            new Mention { Mentioned = new ChannelAccount("29:dr-lee", "Dr Lee"), Text = "<at>Dr Lee</at>" }.ToEntity(),
        ];

        var replies = await fixture.Client.ExpectRepliesAsync(activity);

        replies.Should().ContainSingle().Which.Text.Should().Be("echo: ask Dr Lee");
    }

    [Theory]
    [InlineData("channel", "19:general@thread.tacv2")]
    [InlineData("groupChat", "19:group-chat@thread.v2")]
    public async Task Messages_InSharedConversation_PointsToPrivateChatInsteadOfScreening(string conversationType, string conversationId)
    {
        var activity = ActivityPosting.Message("<at>PrescreenBot</at> count", conversationId: conversationId);
        activity.Conversation!.IsGroup = true;
        activity.Conversation.ConversationType = conversationType;
        activity.Entities = [new Mention { Mentioned = new ChannelAccount("28:bot-1", "PrescreenBot"), Text = "<at>PrescreenBot</at>" }.ToEntity()];

        var replies = await fixture.Client.ExpectRepliesAsync(activity);

        replies.Should().ContainSingle().Which.Text.Should().Contain("one-to-one chat");
    }

    [Fact]
    public async Task Messages_BotAddedToTeam_GreetsTeamWithoutStartingAScreen()
    {
        var update = ActivityPosting.Message(string.Empty, conversationId: "19:site-team@thread.tacv2");
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.Conversation!.IsGroup = true;
        update.Conversation.ConversationType = "channel";
        update.MembersAdded = [new ChannelAccount("28:bot-1")];
        update.ChannelData = JsonSerializer.SerializeToElement(new { eventType = "teamMemberAdded", team = new { id = "19:site-team@thread.tacv2" }, tenant = new { id = "tenant-1" } });

        var replies = await fixture.Client.ExpectRepliesAsync(update);

        replies.Should().ContainSingle().Which.Text.Should().Contain("referral notices");
    }

    [Fact]
    public async Task Messages_AdaptiveCardSubmit_AnswerBecomesText()
    {
        var submit = ActivityPosting.Message(string.Empty, conversationId: "a:card-submit");
        submit.Text = null;
        submit.Value = JsonSerializer.SerializeToElement(new { prescreenAnswer = "Not sure" });

        var replies = await fixture.Client.ExpectRepliesAsync(submit);

        replies.Should().ContainSingle().Which.Text.Should().Be("echo: Not sure");
    }

    [Fact]
    public async Task Messages_SuggestedActionsOnTeams_BecomeAdaptiveCardWithSubmitButtons()
    {
        var replies = await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message("choices", conversationId: "a:teams-card"));

        var reply = replies.Should().ContainSingle().Subject;
        reply.Text.Should().Be("Do you agree?");
        reply.SuggestedActions.Should().BeNull();
        var attachment = reply.Attachments.Should().ContainSingle().Subject;
        attachment.ContentType.Should().Be(ContentTypes.AdaptiveCard);
        var card = (JsonElement)attachment.Content!;
        card.GetProperty("type").GetString().Should().Be("AdaptiveCard");
        card.GetProperty("version").GetString().Should().Be("1.5");
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        actions.Select(a => a.GetProperty("type").GetString()).Should().AllBe("Action.Submit");
        actions.Select(a => a.GetProperty("title").GetString()).Should().Equal("Yes", "No", "Not sure");
        actions.Select(a => a.GetProperty("data").GetProperty("prescreenAnswer").GetString()).Should().Equal("Yes", "No", "Not sure");
        actions[0].GetProperty("data").GetProperty("msteams").GetProperty("type").GetString().Should().Be("messageBack");
    }

    [Fact]
    public async Task Messages_SuggestedActionsOnWebChat_LeftAsSuggestedActions()
    {
        var replies = await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message("choices", BotChannels.Webchat, "webchat-conv-1"));

        var reply = replies.Should().ContainSingle().Subject;
        reply.SuggestedActions!.Actions.Select(a => a.Title).Should().Equal("Yes", "No", "Not sure");
        reply.Attachments.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Messages_CardSubmitRoundTrip_ClickedAnswerReadsLikeTyped()
    {
        var card = (await fixture.Client.ExpectRepliesAsync(ActivityPosting.Message("choices", conversationId: "a:round-trip")))[0].Attachments![0];
        var data = ((JsonElement)card.Content!).GetProperty("actions")[1].GetProperty("data");
        var submit = ActivityPosting.Message(string.Empty, conversationId: "a:round-trip");
        submit.Text = null;
        submit.Value = data;

        var replies = await fixture.Client.ExpectRepliesAsync(submit);

        replies.Should().ContainSingle().Which.Text.Should().Be("echo: No");
    }
}
