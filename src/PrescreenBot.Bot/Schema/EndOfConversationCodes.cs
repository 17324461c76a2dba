namespace PrescreenBot.Bot.Schema;

/// <summary>Values of <see cref="Activity.Code"/> on an <c>endOfConversation</c> activity.</summary>
public static class EndOfConversationCodes
{
    public const string Unknown = "unknown";
    public const string CompletedSuccessfully = "completedSuccessfully";
    public const string UserCancelled = "userCancelled";
    public const string BotTimedOut = "botTimedOut";
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";
    public const string ChannelFailed = "channelFailed";
}
