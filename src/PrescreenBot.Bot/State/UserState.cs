using PrescreenBot.Bot.Turns;

namespace PrescreenBot.Bot.State;

/// <summary>State of one user across conversations, under <c>{channelId}/users/{userId}</c>.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId;
        var userId = activity.From?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            throw new InvalidOperationException("User state needs activity.channelId and activity.from.id.");
        }

        return $"{channelId}/users/{userId}";
    }
}
