namespace PrescreenBot.Bot.Schema;

/// <summary>Well-known <see cref="Activity.Name"/> values of <c>event</c> activities.</summary>
public static class ActivityEventNames
{
    public const string ContinueConversation = "ContinueConversation";
}
