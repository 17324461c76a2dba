namespace PrescreenBot.Conversation.Session;

/// <summary>The screening consent: when, and to which version of the wording.</summary>
public sealed record ConsentState(string WordingVersion, DateTimeOffset GivenAt);
