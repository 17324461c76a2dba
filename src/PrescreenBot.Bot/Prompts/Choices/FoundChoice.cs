namespace PrescreenBot.Bot.Prompts;

/// <summary>The choice a user picked: its value, zero-based index, how sure the match is (0..1) and the words that matched.</summary>
public sealed record FoundChoice
{
    public required string Value { get; init; }
    public int Index { get; init; }
    public float Score { get; init; }
    public string? Synonym { get; init; }
}
