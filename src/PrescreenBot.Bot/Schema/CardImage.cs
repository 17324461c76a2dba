namespace PrescreenBot.Bot.Schema;

/// <summary>An image on a card.</summary>
public sealed class CardImage
{
    public string? Url { get; set; }
    public string? Alt { get; set; }
    public CardAction? Tap { get; set; }
}
