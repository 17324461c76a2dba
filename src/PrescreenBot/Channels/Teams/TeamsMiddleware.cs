using System.Text.Json;
using PrescreenBot.Bot.Schema;
using BotChannels = PrescreenBot.Bot.Schema.Channels;
using PrescreenBot.Bot.Turns;
using IMiddleware = PrescreenBot.Bot.Turns.IMiddleware;

namespace PrescreenBot.Channels.Teams;

/// <summary>
/// Teams' dialect, handled once for the whole bot (channel <c>msteams</c> only): inbound, the tenant id is copied into
/// <c>conversation.tenantId</c> when only the channel data has it, the bot's @mention is removed and a card button's
/// answer becomes the text; outbound, suggested actions become an Adaptive Card.
/// <para>
/// A pre-screen is about someone's health, so it only happens in a one-to-one chat: in a team channel or group chat
/// (where a site's team installs the bot to receive referral notices) the bot says so instead of asking questions
/// everyone could read, and greets the team once when it is added.
/// </para>
/// </summary>
public sealed class TeamsMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!string.Equals(activity.ChannelId, BotChannels.Msteams, StringComparison.Ordinal))
        {
            return next(cancellationToken);
        }

        CopyTenantId(activity);
        if (activity.IsType(ActivityTypes.Message))
        {
            TeamsMentions.RemoveRecipientMention(activity);
            TeamsCardSubmit.MapSubmittedAnswer(activity);
        }

        if (IsShared(activity.Conversation))
        {
            return AnswerInSharedConversationAsync(turnContext, cancellationToken);
        }

        turnContext.OnSendActivities((_, activities, nextSend) =>
        {
            foreach (var outgoing in activities)
            {
                if (outgoing.IsType(ActivityTypes.Message))
                {
                    TeamsSuggestedActionsCard.Apply(outgoing);
                }
            }

            return nextSend();
        });
        return next(cancellationToken);
    }

    /// <summary>Team channels and group chats: anyone in them reads along.</summary>
    private static bool IsShared(ConversationAccount? conversation) =>
        conversation is not null
        && (conversation.IsGroup == true
            || string.Equals(conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase)
            || string.Equals(conversation.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase));

    private static Task AnswerInSharedConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message))
        {
            return turnContext.SendActivityAsync(TeamsReplies.PrivateChatOnly(activity.Locale), cancellationToken: cancellationToken);
        }

        var botAdded = activity.IsType(ActivityTypes.ConversationUpdate)
            && activity.MembersAdded?.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true;
        return botAdded
            ? turnContext.SendActivityAsync(TeamsReplies.AddedToTeam(activity.Locale), cancellationToken: cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Bot Builder's TenantIdWorkaroundForTeams: some Teams activities carry the tenant only in channelData.</summary>
    private static void CopyTenantId(Activity activity)
    {
        if (activity.Conversation is not { TenantId: null } conversation || activity.ChannelData is not JsonElement { ValueKind: JsonValueKind.Object } data)
        {
            return;
        }

        if (data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            conversation.TenantId = id.GetString();
        }
    }
}
