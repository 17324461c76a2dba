namespace PrescreenBot.Bot.Schema;

/// <summary>The id a channel assigned to a sent activity.</summary>
public sealed record ResourceResponse(string? Id = null);
