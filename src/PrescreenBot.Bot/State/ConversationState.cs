using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.State;

/// <summary>State of one conversation, under <c>{channelId}/conversations/{conversationId}</c>. Holds the dialog stack.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId))
        {
            throw new InvalidOperationException("Conversation state needs activity.channelId and activity.conversation.id.");
        }

        return $"{channelId}/conversations/{conversationId}";
    }
}
