namespace PrescreenBot.Bot.Schema;

/// <summary>Attachment content types the bot produces or understands.</summary>
public static class ContentTypes
{
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    public const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
}
