namespace PrescreenBot.Bot.Schema;

/// <summary>The values of <see cref="Activity.Type"/> (Bot Framework activity spec §1.2). Compared ordinally.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string DeleteUserData = "deleteUserData";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string Suggestion = "suggestion";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Command = "command";
    public const string CommandResult = "commandResult";

    /// <summary>SDK-internal: carries an <see cref="InvokeResponse"/> from the bot to the adapter; never sent on the wire.</summary>
    public const string InvokeResponse = "invokeResponse";
}
