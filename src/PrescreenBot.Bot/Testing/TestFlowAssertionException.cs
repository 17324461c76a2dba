namespace PrescreenBot.Bot.Testing;

/// <summary>A <see cref="TestFlow"/> expectation was not met; the message says which step and what was seen.</summary>
public sealed class TestFlowAssertionException(string message) : Exception(message);
