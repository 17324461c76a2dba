namespace PrescreenBot.Bot.Schema;

/// <summary>The <c>mention</c> entity: who was mentioned and the text that mentioned them.</summary>
public sealed record Mention
{
    public const string EntityType = "mention";

    public string Type { get; init; } = EntityType;
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    public Entity ToEntity() => Entity.From(this);
}
