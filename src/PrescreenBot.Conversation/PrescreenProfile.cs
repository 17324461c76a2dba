namespace PrescreenBot.Conversation;

/// <summary>What we remember about a user across conversations: only the language they chose (nothing about their health).</summary>
public sealed class PrescreenProfile
{
    public string? Locale { get; set; }
}
