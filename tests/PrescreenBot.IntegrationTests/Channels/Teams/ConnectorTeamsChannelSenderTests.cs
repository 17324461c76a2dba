using Microsoft.Extensions.DependencyInjection;
using PrescreenBot.IntegrationTests.Channels.BotConnector;
using PrescreenBot.Referrals.Delivery;
using PrescreenBot.Referrals.Delivery.Teams;

namespace PrescreenBot.IntegrationTests.Channels.Teams;

public sealed class ConnectorTeamsChannelSenderTests(BotConnectorAuthFixture fixture) : IClassFixture<BotConnectorAuthFixture>
{
    [Fact]
    public async Task SendAsync_SiteChannel_PostedProactivelyWithBotToken()
    {
        var sender = fixture.App.Services.GetRequiredService<ITeamsChannelSender>();

        await sender.SendAsync(new TeamsMessage(fixture.Channel.ServiceUrl, "19:site-wuhan@thread.tacv2", "outbox-17", "ref-42", "**New referral** for NCT07161193"), CancellationToken.None);

        var received = fixture.Channel.Received.Should().ContainSingle(r => r.Activity.Conversation!.Id == "19:site-wuhan@thread.tacv2").Subject;
        received.RawTarget.Should().Be("/v3/conversations/19%3Asite-wuhan%40thread.tacv2/activities");
        received.Authorization.Should().MatchRegex("^Bearer connector-token-[0-9]+$");
        received.Activity.Text.Should().Be("**New referral** for NCT07161193");
        received.Activity.TextFormat.Should().Be("markdown");
        received.Activity.ReplyToId.Should().BeNull();
    }

    [Fact]
    public async Task SendAsync_ChannelUnreachable_DeliveryFailedWithCode()
    {
        var sender = fixture.App.Services.GetRequiredService<ITeamsChannelSender>();

        var send = () => sender.SendAsync(new TeamsMessage("http://127.0.0.1:9/", "19:gone@thread.tacv2", "outbox-18", "ref-43", "notice"), CancellationToken.None);

        (await send.Should().ThrowAsync<DeliveryFailedException>()).Which.ErrorCode.Should().Be("connection_failed");
    }
}
